import { Button, Group, Paper, Text } from '@mantine/core';
import { countOf, formatCount } from '../../lib/format';
import type { BulkTagAction } from './BulkTagModal';

interface SelectionBarProps {
  selected: number;
  total: number;
  allMatching: boolean;
  onSelectAll(): void;
  onTag(action: BulkTagAction): void;
  onClear(): void;
}

/** Shown while clients are ticked: how many, and what can be done with them. */
export function SelectionBar({ selected, total, allMatching, onSelectAll, onTag, onClear }: SelectionBarProps) {
  return (
    <Paper withBorder radius="md" px="md" py="xs" bg="var(--mantine-primary-color-light)" data-testid="selection-bar">
      <Group justify="space-between">
        <Group gap="sm">
          <Text fw={500}>{countOf(selected, 'client')} selected</Text>
          {!allMatching && selected < total && (
            <Button variant="subtle" size="xs" onClick={onSelectAll}>
              Select all {formatCount(total)} matching
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Button size="xs" onClick={() => onTag('add')}>
            Add a tag
          </Button>
          <Button size="xs" variant="default" onClick={() => onTag('remove')}>
            Remove a tag
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
