import { Text, Timeline } from '@mantine/core';
import type { ConsentEventDto } from '../../../../shared/dto';
import { CHANNEL_WORDS, CONSENT_STATUS_LABELS } from '../../lib/consent';
import { formatDateTime } from '../../lib/format';
import { useSalonFormat } from '../../hooks/useSalonFormat';

const COLORS = { granted: 'green', unknown: 'gray', opted_out: 'red' } as const;

/** Every consent change for one client, newest first, with where it came from. */
export function ConsentHistory({ events }: { events: readonly ConsentEventDto[] }) {
  const { timeZone, locale } = useSalonFormat();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing recorded yet. When this client agrees to texts or emails, or opts out, record it with the buttons above.
      </Text>
    );
  }
  const newestFirst = events.toSorted((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {newestFirst.map((event, index) => (
        <Timeline.Item
          key={`${event.at}-${event.channel}-${index}`}
          color={COLORS[event.status]}
          title={`${CHANNEL_WORDS[event.channel].short}: ${CONSENT_STATUS_LABELS[event.status].toLowerCase()}`}
        >
          <Text size="sm">{event.source}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at, timeZone, locale)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
