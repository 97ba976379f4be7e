import { Anchor, Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { CONSENT_CHANNELS, CONSENT_STATUSES } from '../../../../shared/contacts';
import type { ClientTimelineItemDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { CHANNEL_WORDS, CONSENT_STATUS_LABELS } from '../../lib/consent';
import { CHANNEL_LABELS, formatDateTime } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { deliveryLook } from '../ui/StatusBadge';

type Item<K extends ClientTimelineItemDto['kind']> = Extract<ClientTimelineItemDto, { kind: K }>;

const CONSENT_COLORS = { granted: 'green', unknown: 'gray', opted_out: 'red' } as const;

/**
 * One entry of a client's timeline: a message sent to them, their reply, or a consent change.
 * Timeline passes each child the props that draw its bullet and line; they go on to Timeline.Item.
 */
export function TimelineEntry({ item, ...timelineProps }: { item: ClientTimelineItemDto }) {
  const { timeZone, locale } = useSalonFormat();
  const { color, title, body } = describe(item);
  return (
    <Timeline.Item
      {...timelineProps}
      color={color}
      title={
        <Text size="sm" fw={600}>
          {title}
        </Text>
      }
    >
      {body}
      <Text size="xs" c="dimmed">
        {formatDateTime(item.at, timeZone, locale)}
      </Text>
    </Timeline.Item>
  );
}

function describe(item: ClientTimelineItemDto): { color: string; title: ReactNode; body: ReactNode } {
  switch (item.kind) {
    case 'message': {
      const look = deliveryLook(item.status, item.channel);
      const reason = item.reason && `: ${item.reason}${item.errorCode ? ` (${item.errorCode})` : ''}`;
      return {
        color: look.color,
        title: <MessageTitle item={item} />,
        body: (
          <Text size="sm">
            {look.label}
            {reason}
          </Text>
        ),
      };
    }
    case 'reply':
      return {
        color: 'blue',
        title: 'Replied by text',
        body: (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            “{item.body}”
          </Text>
        ),
      };
    case 'consent':
      return { color: consentColor(item), title: consentTitle(item), body: <Text size="sm">{item.source}</Text> };
  }
}

function MessageTitle({ item }: { item: Item<'message'> }) {
  return (
    <>
      {CHANNEL_LABELS[item.channel]} from{' '}
      <Anchor href={hrefFor({ page: 'broadcast', id: item.broadcastId })} inherit>
        {item.broadcastName}
      </Anchor>
      {item.day > 1 && `, day ${item.day}`}
    </>
  );
}

const consentStatusOf = (item: Item<'consent'>) => CONSENT_STATUSES.find((status) => status === item.status);

function consentColor(item: Item<'consent'>): string {
  const status = consentStatusOf(item);
  return status ? CONSENT_COLORS[status] : 'gray';
}

/** "SMS: opted out"; a channel or status this version does not know is shown as stored. */
function consentTitle(item: Item<'consent'>): string {
  const channel = CONSENT_CHANNELS.find((known) => known === item.channel);
  const status = consentStatusOf(item);
  return `${channel ? CHANNEL_WORDS[channel].short : item.channel}: ${status ? CONSENT_STATUS_LABELS[status].toLowerCase() : item.status}`;
}
