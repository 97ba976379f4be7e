import { ColorSwatch, Group, Progress, Stack, Text, type MantineColor } from '@mantine/core';
import type { BroadcastStatsDto } from '../../../shared/dto';
import { countOf } from '../lib/format';

const DELIVERED_COLOR: MantineColor = 'green';
const FAILED_COLOR: MantineColor = 'red';

/**
 * How far a broadcast has got: delivered and failed side by side, out of every message it sends (a
 * client gets one per step and channel). Messages dropped by cancelling are not counted.
 */
export function BroadcastProgress({ stats }: { stats: BroadcastStatsDto }) {
  const { delivered, failed, pending } = stats;
  const messages = delivered + failed + pending;
  const percentOf = (count: number): number => (messages === 0 ? 0 : (count / messages) * 100);
  const summary = messages === 0 ? 'No messages to send' : `${delivered + failed} of ${countOf(messages, 'message')} done`;

  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={500}>{summary}</Text>
        <Group gap="md">
          <Legend color={DELIVERED_COLOR} label={`${delivered} delivered`} />
          <Legend color={FAILED_COLOR} label={`${failed} failed`} />
        </Group>
      </Group>
      <Progress.Root size="xl" aria-label={summary}>
        <Progress.Section value={percentOf(delivered)} color={DELIVERED_COLOR} />
        <Progress.Section value={percentOf(failed)} color={FAILED_COLOR} />
      </Progress.Root>
    </Stack>
  );
}

function Legend({ color, label }: { color: MantineColor; label: string }) {
  return (
    <Group gap={6}>
      <ColorSwatch color={`var(--mantine-color-${color}-filled)`} size={10} withShadow={false} />
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
