import { Button, Loader, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { ALL_BROADCASTS, BroadcastFilters, type BroadcastQuery } from '../components/broadcast/BroadcastFilters';
import { BroadcastTable } from '../components/broadcast/BroadcastTable';
import { EmptyState } from '../components/ui/EmptyState';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { PageHeader } from '../components/ui/PageHeader';
import { useCall } from '../hooks/useCall';
import { useBroadcasts } from '../stores/broadcasts';
import { navigate } from '../stores/navigation';

const writeNew = (): void => navigate({ page: 'newBroadcast' });

export function BroadcastsPage() {
  const known = useBroadcasts((state) => state.broadcasts);
  const loaded = useBroadcasts((state) => state.loaded);
  const load = useBroadcasts((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  const [searchText, setSearchText] = useState('');
  const [search] = useDebouncedValue(searchText.trim(), 250);
  const [filters, setFilters] = useState<BroadcastQuery>(ALL_BROADCASTS);
  const query = { ...filters, search };
  // Ask again when a broadcast appears or changes status, so the filter stays right; numbers come live.
  const changes = known.map(({ id, status }) => `${id}:${status}`).join(',');
  const matching = useCall('broadcasts.list', query, hashOf(changes));
  // Show each matching broadcast as the store knows it: live numbers arrive there first.
  const rows = matching.data?.map((answered) => known.find(({ id }) => id === answered.id) ?? answered);

  const noBroadcastsAtAll = loaded && known.length === 0;
  const clear = (): void => {
    setSearchText('');
    setFilters(ALL_BROADCASTS);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Broadcasts"
        description="A broadcast sends a text, an email or an app notification to your clients: once, or as a few messages over several days."
        actions={<Button onClick={writeNew}>New broadcast</Button>}
      />
      {!noBroadcastsAtAll && (
        <BroadcastFilters
          searchText={searchText}
          onSearchText={setSearchText}
          value={filters}
          onChange={(change) => setFilters((current) => ({ ...current, ...change }))}
        />
      )}
      <ErrorAlert error={matching.error} />
      {matching.loading && !matching.error && <Loader aria-label="Loading broadcasts" />}
      {noBroadcastsAtAll && (
        <EmptyState
          title="No broadcasts yet"
          description="Send your first message to your clients: write it once, and it goes to everyone."
          action={{ label: 'Write your first broadcast', onClick: writeNew }}
        />
      )}
      {!noBroadcastsAtAll && rows?.length === 0 && (
        <EmptyState
          title="Nothing matches"
          description="No broadcast has that name or status. Try other words, or show them all."
          action={{ label: 'Show all broadcasts', onClick: clear }}
        />
      )}
      {rows && rows.length > 0 && <BroadcastTable broadcasts={rows} />}
    </Stack>
  );
}

/** A small number that changes when the text does, to ask the core again. */
function hashOf(text: string): number {
  let hash = 0;
  for (const character of text) hash = (hash * 31 + character.charCodeAt(0)) | 0;
  return hash;
}
