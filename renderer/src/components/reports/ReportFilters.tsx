import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { CHANNELS, type Channel } from '../../../../shared/dto';
import { CHANNEL_PLURALS } from '../../lib/format';
import { isStatusGroup, STATUS_GROUP_OPTIONS } from '../../lib/deliveryFilter';
import type { ReportChoices } from '../../lib/reportFilters';

const ALL = 'all';
const CHANNEL_OPTIONS = [{ value: ALL, label: 'All channels' }, ...CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_PLURALS[channel] }))];
const STATUS_OPTIONS = [{ value: ALL, label: 'Every status' }, ...STATUS_GROUP_OPTIONS];

const isChannel = (value: string | null): value is Channel => CHANNELS.some((channel) => channel === value);

interface ReportFiltersProps {
  choices: ReportChoices;
  onChange(change: Partial<ReportChoices>): void;
  /** Why the dates cannot be used, shown on the end date. */
  problem: string | null;
}

/** Which messages the report covers: sent between two salon dates, on one channel or all, in one status group or all. */
export function ReportFilters({ choices, onChange, problem }: ReportFiltersProps) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
      <TextInput label="From" type="date" value={choices.from} onChange={(event) => onChange({ from: event.currentTarget.value })} />
      <TextInput label="To" type="date" value={choices.to} onChange={(event) => onChange({ to: event.currentTarget.value })} error={problem} />
      <Select
        label="Channel"
        data={CHANNEL_OPTIONS}
        value={choices.channel ?? ALL}
        onChange={(value) => onChange({ channel: isChannel(value) ? value : null })}
        allowDeselect={false}
      />
      <Select
        label="Status"
        data={STATUS_OPTIONS}
        value={choices.status ?? ALL}
        onChange={(value) => onChange({ status: isStatusGroup(value) ? value : null })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
