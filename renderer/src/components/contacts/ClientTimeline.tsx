import { Button, Loader, Stack, Text, Timeline } from '@mantine/core';
import { useClientHistory } from '../../hooks/useClientHistory';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TimelineEntry } from './TimelineEntry';

/** Everything that happened between the salon and this client, newest first: messages, replies, consent changes. */
export function ClientTimeline({ contactId, refresh }: { contactId: number; refresh: number }) {
  const history = useClientHistory(contactId, refresh);
  if (!history.items) return history.error ? <ErrorAlert error={history.error} /> : <Loader size="sm" aria-label="Loading the messages" />;
  if (history.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing yet. Messages you send this client, their replies and every consent change will show here.
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="client-timeline">
      {/* Every entry "active", so each bullet shows its own colour (green delivered, red failed...). */}
      <Timeline bulletSize={14} lineWidth={2} active={history.items.length}>
        {history.items.map((item, index) => (
          <TimelineEntry key={`${item.kind}-${item.at}-${index}`} item={item} />
        ))}
      </Timeline>
      <ErrorAlert error={history.error} />
      {history.hasMore && (
        <Button variant="subtle" size="xs" onClick={history.showMore} loading={history.loadingMore} w="fit-content">
          Show older
        </Button>
      )}
    </Stack>
  );
}
