import { Button, CloseButton, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { CLICKABLE_SEGMENTS } from '../../lib/clickableSegments';
import { MAX_GROUP_DEPTH, newCondition, newGroup, type DraftGroup } from '../../lib/audienceDraft';
import { useBuilder } from './builderContext';
import { ConditionRow } from './ConditionRow';

const MATCH_OPTIONS = [
  { value: 'all', label: 'all' },
  { value: 'any', label: 'any' },
];

const EMPTY_TOP = 'No conditions yet, so this audience is every client. Add a condition to narrow it down, or start from a ready-made audience above.';

/**
 * A list of conditions joined by AND (all) or OR (any); groups can hold groups. `emptyText` is what
 * the top level says while it has no condition.
 */
export function GroupEditor({ group, depth, emptyText = EMPTY_TOP }: { group: DraftGroup; depth: number; emptyText?: string }) {
  const builder = useBuilder();
  const nested = depth > 1;
  const setMatch = (match: string) =>
    builder.change(group.key, (node) => (node.type === 'group' ? { ...node, match: match === 'any' ? 'any' : 'all' } : node));

  return (
    <Paper
      withBorder={nested}
      radius="md"
      p={nested ? 'sm' : 0}
      bg={nested ? 'var(--mantine-color-gray-0)' : undefined}
      data-testid={nested ? 'audience-group' : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{nested ? 'In this group, match' : 'Clients who match'}</Text>
            <SegmentedControl
              size="xs"
              data={MATCH_OPTIONS}
              value={group.match}
              onChange={setMatch}
              aria-label={nested ? 'Group: match all or any' : 'Match all or any'}
              styles={CLICKABLE_SEGMENTS}
            />
            <Text size="sm">of these conditions</Text>
          </Group>
          {nested && <CloseButton aria-label="Remove this group" onClick={() => builder.remove(group.key)} />}
        </Group>
        {group.children.length === 0 && (
          <Text size="sm" c="dimmed">
            {nested ? 'Add a condition to this group.' : emptyText}
          </Text>
        )}
        {group.children.map((child, index) => (
          <Fragment key={child.key}>
            {index > 0 && (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {group.match === 'all' ? 'and' : 'or'}
              </Text>
            )}
            {child.type === 'group' ? <GroupEditor group={child} depth={depth + 1} /> : <ConditionRow condition={child} />}
          </Fragment>
        ))}
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => builder.add(group.key, newCondition())}>
            {nested ? 'Add a condition to this group' : 'Add a condition'}
          </Button>
          {depth < MAX_GROUP_DEPTH && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => builder.add(group.key, newGroup(group.match === 'all' ? 'any' : 'all', [newCondition()]))}
            >
              Add a group ({group.match === 'all' ? 'either … or …' : 'both … and …'})
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
