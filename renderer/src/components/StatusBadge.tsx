import { Badge, type MantineColor } from '@mantine/core';
import type { BroadcastStatus, DeliveryStatus } from '../../../shared/dto';

interface Look {
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
  unknown: { label: 'Checking', color: 'yellow' },
  cancelled: { label: 'Not sent (cancelled)', color: 'gray' },
};

function StatusBadge({ look }: { look: Look }) {
  return (
    <Badge color={look.color} variant="light">
      {look.label}
    </Badge>
  );
}

export function BroadcastStatusBadge({ status }: { status: BroadcastStatus }) {
  return <StatusBadge look={BROADCAST_LOOKS[status]} />;
}

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <StatusBadge look={DELIVERY_LOOKS[status]} />;
}
