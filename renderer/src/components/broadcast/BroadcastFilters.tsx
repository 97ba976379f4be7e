import { Group, Select, TextInput } from '@mantine/core';
import type { MethodInput } from '../../../../shared/contract';
import { BROADCAST_STATUSES, type BroadcastStatus } from '../../../../shared/dto';
import { SortOrderSelect } from '../ui/SortOrderSelect';

export type BroadcastQuery = Required<Pick<MethodInput<'broadcasts.list'>, 'search' | 'sort' | 'direction'>> & {
  status: BroadcastStatus | undefined;
};

export const ALL_BROADCASTS: BroadcastQuery = { search: '', status: undefined, sort: 'created', direction: 'desc' };

const STATUS_WORDS: Record<BroadcastStatus, string> = {
  draft: 'Drafts',
  scheduled: 'Scheduled',
  sending: 'Sending',
  paused: 'Paused',
  completed: 'Finished',
  cancelled: 'Cancelled',
};
const ALL = 'all';
const STATUS_OPTIONS = [
  { value: ALL, label: 'All' },
  ...BROADCAST_STATUSES.map((status) => ({ value: status, label: STATUS_WORDS[status] })),
];

type Order = Pick<BroadcastQuery, 'sort' | 'direction'>;
const ORDERS: Array<Order & { label: string }> = [
  { sort: 'created', direction: 'desc', label: 'Newest first' },
  { sort: 'created', direction: 'asc', label: 'Oldest first' },
  { sort: 'name', direction: 'asc', label: 'Name, A to Z' },
  { sort: 'name', direction: 'desc', label: 'Name, Z to A' },
  { sort: 'launched', direction: 'desc', label: 'Most recently sent first' },
  { sort: 'launched', direction: 'asc', label: 'Earliest sent first' },
];

const isStatus = (value: string | null): value is BroadcastStatus =>
  BROADCAST_STATUSES.some((status) => status === value);

interface BroadcastFiltersProps {
  /** What is typed in the search box (the query follows it after a pause). */
  searchText: string;
  onSearchText(text: string): void;
  value: BroadcastQuery;
  onChange(change: Partial<BroadcastQuery>): void;
}

/** Search by name, show one status, and choose the order. */
export function BroadcastFilters({ searchText, onSearchText, value, onChange }: BroadcastFiltersProps) {
  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        label="Search broadcasts"
        placeholder="Broadcast name"
        value={searchText}
        onChange={(event) => onSearchText(event.currentTarget.value)}
        w={320}
      />
      <Select
        label="Status"
        data={STATUS_OPTIONS}
        value={value.status ?? ALL}
        onChange={(status) => onChange({ status: isStatus(status) ? status : undefined })}
        allowDeselect={false}
        w={180}
      />
      <SortOrderSelect orders={ORDERS} value={value} onChange={(order) => onChange(order)} width={240} />
    </Group>
  );
}
