import { Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { AutomationCard } from '../components/automations/AutomationCard';
import { RetryAlert } from '../components/tracking/RetryAlert';
import { EmptyState } from '../components/ui/EmptyState';
import { PageHeader } from '../components/ui/PageHeader';
import { useAutomations } from '../stores/automations';
import { useSending } from '../stores/sending';

const load = (): void => void useAutomations.getState().load();

/** The ready-made automations, each with its switch and this month's figures. */
export function AutomationsPage() {
  const items = useAutomations((state) => state.items);
  const error = useAutomations((state) => state.loadError);
  const sandbox = useSending((state) => state.sending?.live === false);
  useEffect(load, []);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Automations"
        description="Messages that go out by themselves when a client’s details say it is time: a birthday coming up, a visit a while ago. Each one stays off until you turn it on."
      />
      {sandbox && (
        <Text size="sm" c="dimmed">
          You are in sandbox mode: automations that are on only pretend to send, and you can rehearse the next 30 days of each one.
        </Text>
      )}
      {error && <RetryAlert title="The automations could not be loaded" error={error} onRetry={load} />}
      {!items && !error && <Loader aria-label="Loading the automations" />}
      {items?.length === 0 && <EmptyState title="No automations" description="The ready-made automations will appear here." />}
      {items && items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {items.map((automation) => (
            <AutomationCard key={automation.id} automation={automation} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
