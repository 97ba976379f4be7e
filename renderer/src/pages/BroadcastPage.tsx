import { Badge, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BroadcastDto } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import { BroadcastActions } from '../components/broadcast/BroadcastActions';
import { BroadcastWhen } from '../components/broadcast/BroadcastWhen';
import { StepTimeline } from '../components/broadcast/StepTimeline';
import { BroadcastProgress } from '../components/BroadcastProgress';
import { DeliveriesTable } from '../components/DeliveriesTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { StatCard } from '../components/StatCard';
import { BroadcastStatusBadge } from '../components/StatusBadge';
import { useLiveDeliveries } from '../hooks/useLiveDeliveries';
import { TYPE_LABELS } from '../lib/broadcastTypes';
import { formatDateTime } from '../lib/format';
import { useBroadcast, useBroadcasts } from '../stores/broadcasts';
import { navigate } from '../stores/navigation';
import { useSettings } from '../stores/settings';

export function BroadcastPage({ id }: { id: number }) {
  const broadcast = useBroadcast(id);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    useBroadcasts
      .getState()
      .refresh(id)
      .catch((caught: unknown) => setError(toApiError(caught)));
  }, [id]);

  const allBroadcasts = (
    <Button variant="default" onClick={() => navigate({ page: 'broadcasts' })}>
      All broadcasts
    </Button>
  );

  if (!broadcast) {
    return (
      <Stack gap="lg" align="flex-start">
        {error ? <ErrorAlert error={error} /> : <Loader aria-label="Loading the broadcast" />}
        {error && allBroadcasts}
      </Stack>
    );
  }

  const { stats } = broadcast;
  const draft = broadcast.status === 'draft';
  return (
    <Stack gap="lg">
      <PageHeader
        title={broadcast.name || 'Untitled draft'}
        description={<BroadcastFacts broadcast={broadcast} />}
        actions={allBroadcasts}
      />
      <BroadcastWhen broadcast={broadcast} />
      <BroadcastActions broadcast={broadcast} />
      {!draft && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, md: stats.cancelled > 0 ? 6 : 5 }}>
            <StatCard label="Recipients" value={stats.recipients} testId="stat-recipients" />
            <StatCard label="Sent" value={stats.sent} testId="stat-sent" />
            <StatCard label="Delivered" value={stats.delivered} color="green" testId="stat-delivered" />
            <StatCard label="Failed" value={stats.failed} color="red" testId="stat-failed" />
            <StatCard label="Pending" value={stats.pending} testId="stat-pending" />
            {stats.cancelled > 0 && <StatCard label="Cancelled" value={stats.cancelled} color="gray" testId="stat-cancelled" />}
          </SimpleGrid>
          <BroadcastProgress stats={stats} />
        </>
      )}
      <StepTimeline broadcast={broadcast} />
      {/* A new status (paused, cancelled...) can change every row: fetch them afresh. */}
      <Deliveries key={broadcast.status} broadcast={broadcast} />
    </Stack>
  );
}

function BroadcastFacts({ broadcast }: { broadcast: BroadcastDto }) {
  const { timeZone } = useSettings();
  return (
    <Group gap="xs">
      <Badge variant="outline" color="gray">
        {TYPE_LABELS[broadcast.type]}
      </Badge>
      <BroadcastStatusBadge status={broadcast.status} />
      <Text c="dimmed" size="sm">
        {broadcast.launchedAt
          ? `${broadcast.steps[0]?.schedule ? 'Set up' : 'Sent'} ${formatDateTime(broadcast.launchedAt, timeZone)}`
          : 'Not sent yet'}
      </Text>
    </Group>
  );
}

function Deliveries({ broadcast }: { broadcast: BroadcastDto }) {
  const deliveries = useLiveDeliveries(broadcast.id);
  const { data } = deliveries;

  return (
    <Stack gap="sm">
      <Title order={3}>Who it went to</Title>
      <ErrorAlert error={deliveries.error} />
      {deliveries.loading && <Loader size="sm" aria-label="Loading deliveries" />}
      {data && data.total === 0 && (
        <EmptyState
          title={broadcast.status === 'draft' ? 'Not sent yet' : 'Nobody to show'}
          description={
            broadcast.status === 'draft'
              ? 'This broadcast was saved but never sent, so no client has received it.'
              : 'No client could be reached by this broadcast’s channels when it was launched.'
          }
        />
      )}
      {data && data.total > 0 && (
        <>
          <DeliveriesTable deliveries={data.deliveries} />
          {data.deliveries.length < data.total && (
            <Text size="sm" c="dimmed">
              Showing the first {data.deliveries.length} of {data.total}.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
