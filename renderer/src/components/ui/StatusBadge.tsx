import { Badge, type MantineColor } from '@mantine/core';
import type { BroadcastStatus, Channel, DeliveryStatus } from '../../../../shared/dto';

export interface Look {
  label: string;
  color: MantineColor;
}

const BROADCAST_LOOKS: Record<BroadcastStatus, Look> = {
  draft: { label: 'Draft', color: 'gray' },
  scheduled: { label: 'Scheduled', color: 'violet' },
  sending: { label: 'Sending', color: 'blue' },
  paused: { label: 'Paused', color: 'yellow' },
  completed: { label: 'Finished', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

const DELIVERY_LOOKS: Record<DeliveryStatus, Look> = {
  queued: { label: 'Queued', color: 'gray' },
  sending: { label: 'Sending', color: 'blue' },
  accepted: { label: 'Sent', color: 'cyan' },
  sent: { label: 'Sent', color: 'cyan' },
  delivered: { label: 'Delivered', color: 'green' },
  undelivered: { label: 'Not delivered', color: 'red' },
  failed: { label: 'Failed', color: 'red' },
  unknown: { label: 'Checking with Twilio', color: 'yellow' },
  no_report: { label: 'Sent, no report', color: 'cyan' },
  cancelled: { label: 'Not sent (cancelled)', color: 'gray' },
  skipped: { label: 'Skipped', color: 'gray' },
};

/**
 * A text cut off mid-send is checked with Twilio by itself; an email or notification cannot be
 * checked, so it waits for the owner to decide whether to send it again.
 */
const UNSURE: Look = { label: 'Unsure', color: 'orange' };

export function deliveryLook(status: DeliveryStatus, channel?: Channel): Look {
  return status === 'unknown' && channel !== undefined && channel !== 'sms' ? UNSURE : DELIVERY_LOOKS[status];
}

function StatusBadge({ look, testId }: { look: Look; testId?: string }) {
  return (
    <Badge color={look.color} variant="light" data-testid={testId}>
      {look.label}
    </Badge>
  );
}

/** "Sending", or with a sequence's progress "Sending, day 1 of 3 sent". */
export function BroadcastStatusBadge({ status, progress = null }: { status: BroadcastStatus; progress?: string | null }) {
  const look = BROADCAST_LOOKS[status];
  return <StatusBadge look={progress ? { ...look, label: `${look.label}, ${progress}` } : look} testId="broadcast-status" />;
}

export function DeliveryStatusBadge({ status, channel }: { status: DeliveryStatus; channel?: Channel }) {
  return <StatusBadge look={deliveryLook(status, channel)} />;
}
