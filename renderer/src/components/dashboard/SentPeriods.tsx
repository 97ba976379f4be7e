import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { CHANNELS } from '../../../../shared/dto';
import type { DashboardDto, DashboardPeriodDto, DeliveryCountsDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { CHANNEL_PLURALS } from '../../lib/format';
import { deliveredSentence, formatNumber } from '../../lib/rates';

const PERIODS = [
  { key: 'today', label: 'Sent today' },
  { key: 'week', label: 'Sent this week' },
  { key: 'month', label: 'Sent this month' },
] as const;

/** Messages sent today, this week and this month, per channel, each with how many arrived. */
export function SentPeriods({ sent }: { sent: DashboardDto['sent'] }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      {PERIODS.map(({ key, label }) => (
        <PeriodCard key={key} label={label} period={sent[key]} testId={`sent-${key}`} />
      ))}
    </SimpleGrid>
  );
}

function PeriodCard({ label, period, testId }: { label: string; period: DashboardPeriodDto; testId: string }) {
  const { locale } = useSalonFormat();
  const channels = CHANNELS.filter((channel) => period[channel].sent > 0 || period[channel].tried > 0);
  const total = CHANNELS.reduce((sum, channel) => sum + period[channel].sent, 0);
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {formatNumber(total, locale)}
      </Text>
      <Stack gap={6} mt={4}>
        {channels.length === 0 && (
          <Text size="sm" c="dimmed">
            No messages sent.
          </Text>
        )}
        {channels.map((channel) => (
          <ChannelLine key={channel} label={CHANNEL_PLURALS[channel]} counts={period[channel]} testId={`${testId}-${channel}`} />
        ))}
      </Stack>
    </Paper>
  );
}

function ChannelLine({ label, counts, testId }: { label: string; counts: DeliveryCountsDto; testId: string }) {
  const { locale } = useSalonFormat();
  return (
    <Stack gap={0} data-testid={testId}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" fw={500}>
          {formatNumber(counts.sent, locale)} sent
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {deliveredSentence(counts, locale)}
        {counts.failed > 0 && ` · ${formatNumber(counts.failed, locale)} failed`}
      </Text>
    </Stack>
  );
}
