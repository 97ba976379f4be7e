import { ColorSwatch, Group, Progress, Stack, Text, type MantineColor } from '@mantine/core';
import type { DeliveryCountsDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { countWithRate } from '../../lib/broadcastTracking';
import { formatNumber } from '../../lib/rates';

const DELIVERED_COLOR: MantineColor = 'green';
const FAILED_COLOR: MantineColor = 'red';
const ON_THE_WAY_COLOR: MantineColor = 'cyan';

/**
 * How far a broadcast has got: delivered, failed and on the way side by side, out of every message it
 * sends (a client gets one per step and channel), with the rates among the messages tried. Messages
 * dropped by cancelling are not counted.
 */
export function BroadcastProgress({ total }: { total: DeliveryCountsDto }) {
  const { locale } = useSalonFormat();
  const { delivered, failed } = total;
  // Tried but neither delivered nor failed: sent, and the provider has not said how it went yet.
  const onTheWay = total.tried - delivered - failed;
  const messages = total.recipients - total.cancelled;
  const percentOf = (count: number): number => (messages === 0 ? 0 : (count / messages) * 100);
  const done = messages - total.pending - total.unsure;
  const summary =
    messages === 0 ? 'No messages to send' : `${formatNumber(done, locale)} of ${formatNumber(messages, locale)} ${messages === 1 ? 'message' : 'messages'} done`;

  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={500}>{summary}</Text>
        <Group gap="md">
          <Legend color={DELIVERED_COLOR} label={countWithRate(delivered, 'delivered', total, locale)} testId="progress-delivered" />
          <Legend color={FAILED_COLOR} label={countWithRate(failed, 'failed', total, locale)} testId="progress-failed" />
          {onTheWay > 0 && <Legend color={ON_THE_WAY_COLOR} label={`${formatNumber(onTheWay, locale)} sent, no report yet`} testId="progress-no-report-yet" />}
        </Group>
      </Group>
      <Progress.Root size="xl" aria-label={summary}>
        <Progress.Section value={percentOf(delivered)} color={DELIVERED_COLOR} />
        <Progress.Section value={percentOf(failed)} color={FAILED_COLOR} />
        <Progress.Section value={percentOf(onTheWay)} color={ON_THE_WAY_COLOR} striped animated />
      </Progress.Root>
    </Stack>
  );
}

function Legend({ color, label, testId }: { color: MantineColor; label: string; testId: string }) {
  return (
    <Group gap={6}>
      <ColorSwatch color={`var(--mantine-color-${color}-filled)`} size={10} withShadow={false} />
      <Text size="sm" c="dimmed" data-testid={testId}>
        {label}
      </Text>
    </Group>
  );
}
