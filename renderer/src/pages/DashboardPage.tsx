import { Button, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { BroadcastTable } from '../components/broadcast/BroadcastTable';
import { GettingStarted } from '../components/GettingStarted';
import { PageHeader } from '../components/PageHeader';
import { StatCard } from '../components/StatCard';
import { useCall } from '../hooks/useCall';
import { useBroadcasts } from '../stores/broadcasts';
import { navigate } from '../stores/navigation';
import { useSettings } from '../stores/settings';

const LATEST_COUNT = 5;

export function DashboardPage() {
  const { salonName } = useSettings();
  const contacts = useCall('contacts.list', { limit: 1 });
  const broadcasts = useBroadcasts((state) => state.broadcasts);
  const broadcastsLoaded = useBroadcasts((state) => state.loaded);
  const broadcastsError = useBroadcasts((state) => state.error);
  const load = useBroadcasts((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  const clientCount = contacts.data?.total;
  const sentCount = broadcasts.filter((broadcast) => broadcast.status !== 'draft').length;

  return (
    <Stack gap="lg">
      <PageHeader title="Dashboard" description={`How your messages are doing at ${salonName}.`} />
      <ErrorAlert error={contacts.error ?? broadcastsError} />
      {clientCount !== undefined && broadcastsLoaded && sentCount === 0 && <GettingStarted clientCount={clientCount} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <StatCard label="Clients" value={clientCount} testId="stat-clients" />
        <StatCard label="Broadcasts sent" value={broadcastsLoaded ? sentCount : undefined} testId="stat-broadcasts" />
      </SimpleGrid>
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
