import { Button, Loader, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { BroadcastTable } from '../components/BroadcastTable';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useBroadcasts } from '../stores/broadcasts';
import { navigate } from '../stores/navigation';

const writeNew = (): void => navigate({ page: 'newBroadcast' });

export function BroadcastsPage() {
  const broadcasts = useBroadcasts((state) => state.broadcasts);
  const loaded = useBroadcasts((state) => state.loaded);
  const error = useBroadcasts((state) => state.error);
  const load = useBroadcasts((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Broadcasts"
        description="Each broadcast is one message sent to all your clients by text or email."
        actions={<Button onClick={writeNew}>New broadcast</Button>}
      />
      <ErrorAlert error={error} />
      {!loaded && !error && <Loader aria-label="Loading broadcasts" />}
      {loaded && broadcasts.length === 0 && (
        <EmptyState
          title="No broadcasts yet"
          description="Send your first message to your clients: write it once, and it goes to everyone."
          action={{ label: 'Write your first broadcast', onClick: writeNew }}
        />
      )}
      {broadcasts.length > 0 && <BroadcastTable broadcasts={broadcasts} />}
    </Stack>
  );
}
