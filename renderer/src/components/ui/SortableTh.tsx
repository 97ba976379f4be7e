import { Group, Table, Text, UnstyledButton, type TableThProps } from '@mantine/core';
import type { SortDirection } from '../../stores/contacts';

interface SortableThProps extends Omit<TableThProps, 'onClick'> {
  label: string;
  /** The direction when this column is the one sorted by, otherwise null. */
  active: SortDirection | null;
  onSort(): void;
}

/** A column header that sorts by its column when clicked; clicking again turns the order round. */
export function SortableTh({ label, active, onSort, ta, ...thProps }: SortableThProps) {
  const arrow = active === 'asc' ? '▲' : active === 'desc' ? '▼' : '⇅';
  return (
    <Table.Th {...thProps} ta={ta} aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : 'none'}>
      <UnstyledButton onClick={onSort} w="100%" title={`Sort by ${label.toLowerCase()}`}>
        <Group gap={4} wrap="nowrap" justify={ta === 'right' ? 'flex-end' : 'flex-start'}>
          <Text fw={700} size="sm" truncate>
            {label}
          </Text>
          <Text size="xs" c={active ? undefined : 'dimmed'} aria-hidden>
            {arrow}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
