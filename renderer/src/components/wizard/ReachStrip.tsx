import { Group, Loader, Paper, Text } from '@mantine/core';
import { TYPE_CHANNELS, type BroadcastType } from '../../../../shared/broadcasts';
import type { AudienceSummaryState } from '../../hooks/useAudienceSummary';
import { countOf, formatCount } from '../../lib/format';

const BY = { sms: 'by text', email: 'by email', push: 'by app notification' } as const;

/** The audience's reach on the broadcast's channels, kept in view while composing and scheduling. */
export function ReachStrip({ summary, type }: { summary: AudienceSummaryState; type: BroadcastType }) {
  const { data, updating } = summary;
  return (
    <Paper withBorder radius="md" px="md" py="xs" data-testid="reach-strip">
      <Group gap="lg">
        <Text size="sm" fw={500}>
          {data ? `Audience: ${countOf(data.matched, 'client')}` : 'Counting your clients…'}
        </Text>
        {data &&
          TYPE_CHANNELS[type].map((channel) => (
            <Text key={channel} size="sm" c="dimmed">
              {formatCount(data[channel].reachable)} {BY[channel]}
            </Text>
          ))}
        {updating && <Loader size="xs" />}
      </Group>
    </Paper>
  );
}
