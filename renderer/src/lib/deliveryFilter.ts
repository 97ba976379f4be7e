// The "Show" filter above a broadcast's deliveries: each choice is one delivery status, or all of them.
import type { BroadcastStatsDto, DeliveryDto, DeliveryStatus } from '../../../shared/dto';

export type DeliveryFilter =
  | 'all'
  | Extract<DeliveryStatus, 'delivered' | 'undelivered' | 'failed' | 'unknown' | 'no_report' | 'skipped' | 'cancelled'>;

export interface FilterOption {
  value: DeliveryFilter;
  label: string;
  /** What the empty list says when nothing has this status. */
  none: string;
}

const ALL: FilterOption = { value: 'all', label: 'All', none: 'No messages yet.' };
const OPTIONS: readonly FilterOption[] = [
  ALL,
  { value: 'delivered', label: 'Delivered', none: 'No message has been delivered yet.' },
  { value: 'undelivered', label: 'Not delivered', none: 'Every message sent so far reached its phone or inbox, or is still on its way.' },
  { value: 'failed', label: 'Failed', none: 'No message failed.' },
  { value: 'unknown', label: 'Unsure', none: 'There is no message whose fate is unclear.' },
  { value: 'no_report', label: 'No report', none: 'Every text sent has a delivery report, or may still get one.' },
  { value: 'skipped', label: 'Skipped', none: 'No message was skipped.' },
  { value: 'cancelled', label: 'Cancelled', none: 'No message was cancelled.' },
];

/** The choices to offer: the rare ones (no report, cancelled) only once there are any. */
export function deliveryFilters(stats: Pick<BroadcastStatsDto, 'cancelled' | 'noReport'>): FilterOption[] {
  return OPTIONS.filter(
    (option) => (option.value !== 'cancelled' || stats.cancelled > 0) && (option.value !== 'no_report' || stats.noReport > 0),
  );
}

export function filterOption(filter: DeliveryFilter): FilterOption {
  return OPTIONS.find((option) => option.value === filter) ?? ALL;
}

/** The `status` of broadcasts.deliveries: left out for all. */
export function statusParam(filter: DeliveryFilter): DeliveryStatus | undefined {
  return filter === 'all' ? undefined : filter;
}

/** An email or notification cut off mid-send: only the owner can say to send it again. */
export function canResend(delivery: Pick<DeliveryDto, 'status' | 'channel'>): boolean {
  return delivery.status === 'unknown' && delivery.channel !== 'sms';
}
