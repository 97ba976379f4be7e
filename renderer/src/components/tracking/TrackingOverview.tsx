import { Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { TYPE_CHANNELS } from '../../../../shared/broadcasts';
import type { BroadcastDto } from '../../../../shared/dto';
import type { BroadcastTrackingDto, FailureReasonDto } from '../../../../shared/tracking';
import type { CallState } from '../../hooks/useCall';
import { BroadcastStats } from '../broadcast/BroadcastStats';
import { SectionCard } from '../ui/SectionCard';
import { BreakdownTable } from './BreakdownTable';
import { BroadcastProgress } from './BroadcastProgress';
import { CostSummary } from './CostSummary';
import { DeliveryTimeline } from './DeliveryTimeline';
import { FailureReasons } from './FailureReasons';
import { RepliesAndOptOuts } from './RepliesAndOptOuts';
import { RetryAlert } from './RetryAlert';

interface TrackingOverviewProps {
  broadcast: BroadcastDto;
  tracking: CallState<BroadcastTrackingDto>;
  reasons: CallState<FailureReasonDto[]>;
}

/** How a launched broadcast did: progress, the day x channel breakdown, cost, replies, failures and the chart. */
export function TrackingOverview({ broadcast, tracking, reasons }: TrackingOverviewProps) {
  if (tracking.error) return <RetryAlert title="How this broadcast did could not be loaded" error={tracking.error} onRetry={tracking.reload} />;
  if (!tracking.data) return <Loader size="sm" aria-label="Loading how this broadcast did" />;
  const { total, cells, cost } = tracking.data;
  const nothingTried = total.tried === 0;
  return (
    <Stack gap="lg">
      <BroadcastStats
        clients={broadcast.stats.recipients}
        total={total}
        manyPerClient={broadcast.steps.length > 1 || TYPE_CHANNELS[broadcast.type].length > 1}
      />
      <BroadcastProgress total={total} />
      <SectionCard title={broadcast.steps.length > 1 ? 'By day and channel' : 'By channel'}>
        <BreakdownTable cells={cells} total={total} days={broadcast.steps.length} />
        <Text size="xs" c="dimmed">
          Delivery and failure rates are shares of the messages tried so far.
        </Text>
      </SectionCard>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SectionCard title="Cost">
          <CostSummary cost={cost} />
        </SectionCard>
        <SectionCard title="Replies and opt-outs">
          <RepliesAndOptOuts total={total} texts={TYPE_CHANNELS[broadcast.type].includes('sms')} />
        </SectionCard>
      </SimpleGrid>
      <SectionCard title="Why messages failed">
        {reasons.error && <RetryAlert title="The failure reasons could not be loaded" error={reasons.error} onRetry={reasons.reload} />}
        {!reasons.data && !reasons.error && <Loader size="sm" aria-label="Loading the failure reasons" />}
        {reasons.data?.length === 0 && <Text c="dimmed">{nothingTried ? 'Nothing has been sent yet.' : 'No message has failed.'}</Text>}
        {reasons.data && reasons.data.length > 0 && <FailureReasons broadcastId={broadcast.id} reasons={reasons.data} />}
      </SectionCard>
      <SectionCard title="Over time">
        <DeliveryTimeline broadcastId={broadcast.id} />
      </SectionCard>
    </Stack>
  );
}
