import { Button, Group, Loader, SimpleGrid, Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { EventName } from '../../../shared/contract';
import { BroadcastTable } from '../components/broadcast/BroadcastTable';
import { ClientsCard } from '../components/dashboard/ClientsCard';
import { DashboardAlerts } from '../components/dashboard/DashboardAlerts';
import { GettingStarted } from '../components/dashboard/GettingStarted';
import { MessagesPerDayChart } from '../components/dashboard/MessagesPerDayChart';
import { MoneyCard } from '../components/dashboard/MoneyCard';
import { SentPeriods } from '../components/dashboard/SentPeriods';
import { UpcomingAgenda } from '../components/dashboard/UpcomingAgenda';
import { WaitingOnYou } from '../components/dashboard/WaitingOnYou';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { PageHeader } from '../components/ui/PageHeader';
import { useCall } from '../hooks/useCall';
import { useReloadOnEvents } from '../hooks/useReloadOnEvents';
import { useBroadcasts } from '../stores/broadcasts';
import { navigate } from '../stores/navigation';
import { useSettings } from '../stores/settings';

const LATEST_COUNT = 5;
/** What moves the dashboard's numbers: sends, client changes, replies, settings (the budget cap, the currency). */
const DASHBOARD_EVENTS: readonly EventName[] = ['broadcast.progress', 'contacts.changed', 'reply.received', 'settings.changed'];

export function DashboardPage() {
  const { salonName } = useSettings();
  const stats = useCall('dashboard.stats', {});
  useReloadOnEvents(stats.reload, DASHBOARD_EVENTS);
  const broadcasts = useBroadcasts((state) => state.broadcasts);
  const broadcastsLoaded = useBroadcasts((state) => state.loaded);
  const load = useBroadcasts((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  const data = stats.data;
  const launched = broadcasts.some((broadcast) => broadcast.status !== 'draft');

  return (
    <Stack gap="lg">
      <PageHeader title="Dashboard" description={`How your messages are doing at ${salonName}.`} />
      <ErrorAlert error={stats.error} />
      {!data && !stats.error && <Loader size="sm" aria-label="Loading the dashboard" />}
      {data && (
        <>
          {broadcastsLoaded && !launched && <GettingStarted clientCount={data.clients.total} />}
          <DashboardAlerts alerts={data.alerts} />
          <WaitingOnYou waiting={data.waiting} />
          {launched && <SentPeriods sent={data.sent} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ClientsCard clients={data.clients} />
            <MoneyCard spend={data.spend} />
          </SimpleGrid>
          {launched && <MessagesPerDayChart perDay={data.perDay} />}
          {launched && <UpcomingAgenda upcoming={data.upcoming} />}
        </>
      )}
      {broadcasts.length > 0 && (
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3}>Latest broadcasts</Title>
            <Button variant="subtle" onClick={() => navigate({ page: 'broadcasts' })}>
              See all broadcasts
            </Button>
          </Group>
          <BroadcastTable broadcasts={broadcasts.slice(0, LATEST_COUNT)} />
        </Stack>
      )}
    </Stack>
  );
}
