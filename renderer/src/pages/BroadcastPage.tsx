import { Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { TYPE_CHANNELS } from '../../../shared/broadcasts';
import type { BroadcastDto } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import { BroadcastActions } from '../components/broadcast/BroadcastActions';
import { BroadcastReplies } from '../components/broadcast/BroadcastReplies';
import { MissedSteps } from '../components/broadcast/MissedSteps';
import { PausedBanner } from '../components/broadcast/PausedBanner';
import { BroadcastWhen } from '../components/broadcast/BroadcastWhen';
import { StepTimeline } from '../components/broadcast/StepTimeline';
import { PageHeader } from '../components/ui/PageHeader';
import { BroadcastStatusBadge } from '../components/ui/StatusBadge';
import { DeliveriesSection } from '../components/tracking/DeliveriesSection';
import { RetryAlert } from '../components/tracking/RetryAlert';
import { TrackingOverview } from '../components/tracking/TrackingOverview';
import type { BreakdownCellDto, FailureReasonDto } from '../../../shared/tracking';
import { useLiveBroadcastCall } from '../hooks/useLiveBroadcastCall';
import { statusWords } from '../lib/broadcastTracking';
import { TYPE_LABELS } from '../lib/broadcastTypes';
import { formatDateTime } from '../lib/format';
import { useBroadcast, useBroadcasts } from '../stores/broadcasts';
import { onReconnected } from '../stores/connection';
import { navigate } from '../stores/navigation';
import { useSalonFormat } from '../hooks/useSalonFormat';

export function BroadcastPage({ id }: { id: number }) {
  const broadcast = useBroadcast(id);
  const [error, setError] = useState<ApiError | null>(null);
  const status = broadcast?.status;
  const tracking = useLiveBroadcastCall(id, 'tracking.broadcast', { id }, status);
  const reasons = useLiveBroadcastCall(id, 'tracking.failureReasons', { id }, status);

  const refresh = useCallback((): void => {
    useBroadcasts
      .getState()
      .refresh(id)
      .catch((caught: unknown) => setError(toApiError(caught)));
  }, [id]);

  useEffect(() => {
    refresh();
    // Back from sleep or another window: a step may have come due meanwhile.
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    const stopReconnected = onReconnected(refresh);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      stopReconnected();
    };
  }, [refresh]);

  const allBroadcasts = (
    <Button variant="default" onClick={() => navigate({ page: 'broadcasts' })}>
      All broadcasts
    </Button>
  );

  if (!broadcast) {
    return (
      <Stack gap="lg" align="flex-start">
        {error ? (
          <RetryAlert
            title="This broadcast could not be loaded"
            error={error}
            onRetry={() => {
              setError(null);
              refresh();
            }}
          />
        ) : (
          <Loader aria-label="Loading the broadcast" />
        )}
        {error && allBroadcasts}
      </Stack>
    );
  }

  const draft = broadcast.status === 'draft';
  return (
    <Stack gap="lg">
      <PageHeader
        title={broadcast.name || 'Untitled draft'}
        description={<BroadcastFacts broadcast={broadcast} cells={tracking.data?.cells} />}
        actions={allBroadcasts}
      />
      <PausedBanner broadcast={broadcast} />
      <MissedSteps broadcast={broadcast} />
      <BroadcastWhen broadcast={broadcast} />
      <BroadcastActions broadcast={broadcast} />
      {!draft && <TrackingOverview broadcast={broadcast} tracking={tracking} reasons={reasons} />}
      <StepTimeline broadcast={broadcast} />
      <WhoAndReplies broadcast={broadcast} reasons={reasons.data ?? []} />
    </Stack>
  );
}

function BroadcastFacts({ broadcast, cells }: { broadcast: BroadcastDto; cells: BreakdownCellDto[] | undefined }) {
  const { timeZone, locale } = useSalonFormat();
  const words = statusWords(broadcast, cells);
  return (
    <Group gap="xs">
      <Badge variant="outline" color="gray">
        {TYPE_LABELS[broadcast.type]}
      </Badge>
      <BroadcastStatusBadge status={words.status} progress={words.progress} />
      <Text c="dimmed" size="sm">
        {broadcast.launchedAt
          ? `${broadcast.steps[0]?.schedule ? 'Set up' : 'Sent'} ${formatDateTime(broadcast.launchedAt, timeZone, locale)}`
          : 'Not sent yet'}
      </Text>
    </Group>
  );
}

/** Who it went to and, for texts, what clients replied: side by side as tabs. */
function WhoAndReplies({ broadcast, reasons }: { broadcast: BroadcastDto; reasons: readonly FailureReasonDto[] }) {
  const replies = broadcast.status !== 'draft' && TYPE_CHANNELS[broadcast.type].includes('sms');
  if (!replies) {
    return (
      <Stack gap="sm">
        <Title order={3}>Who it went to</Title>
        <DeliveriesSection broadcast={broadcast} reasons={reasons} />
      </Stack>
    );
  }
  return (
    <Tabs defaultValue="deliveries">
      <Tabs.List mb="md">
        <Tabs.Tab value="deliveries">Who it went to</Tabs.Tab>
        <Tabs.Tab value="replies">Replies</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="deliveries">
        <DeliveriesSection broadcast={broadcast} reasons={reasons} />
      </Tabs.Panel>
      <Tabs.Panel value="replies">
        <BroadcastReplies broadcastId={broadcast.id} />
      </Tabs.Panel>
    </Tabs>
  );
}
