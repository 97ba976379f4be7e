import { Button, Group, Menu, Paper, Text } from '@mantine/core';
import { countOf, formatCount } from '../../lib/format';
import type { BulkTagAction } from './BulkTagModal';

interface SelectionBarProps {
  selected: number;
  total: number;
  allMatching: boolean;
  onSelectAll(): void;
  onTag(action: BulkTagAction): void;
  onConsent(status: 'granted' | 'opted_out'): void;
  onExport(): void;
  exporting: boolean;
  onClear(): void;
}

/** Shown while clients are ticked: how many, and what can be done with them. */
export function SelectionBar({ selected, total, allMatching, onSelectAll, onTag, onConsent, onExport, exporting, onClear }: SelectionBarProps) {
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
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default">
                Change consent
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onConsent('opted_out')}>Opt out of texts or emails…</Menu.Item>
              <Menu.Item onClick={() => onConsent('granted')}>Opt in, with how they agreed…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button size="xs" variant="default" onClick={onExport} loading={exporting}>
            Export selected
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
