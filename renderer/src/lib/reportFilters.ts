// The Reports page's choices in the owner's words, and the delivery filter they stand for.
import type { Channel, DeliveryStatus } from '../../../shared/dto';
import type { DeliveryFilter } from '../../../shared/tracking';

export const STATUS_GROUPS = ['delivered', 'failed', 'on_the_way', 'not_sent_yet', 'unsure', 'not_sent'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

/** Each group's label and the statuses it covers; together they cover every status once. */
export const STATUS_GROUP_DEFINITIONS: Record<StatusGroup, { label: string; statuses: DeliveryStatus[] }> = {
  delivered: { label: 'Delivered', statuses: ['delivered'] },
  failed: { label: 'Failed or not delivered', statuses: ['failed', 'undelivered'] },
  on_the_way: { label: 'Sent, no delivery report yet', statuses: ['accepted', 'sent', 'no_report'] },
  not_sent_yet: { label: 'Waiting to be sent', statuses: ['queued', 'sending'] },
  unsure: { label: 'Unsure (cut off mid-send)', statuses: ['unknown'] },
  not_sent: { label: 'Skipped or cancelled', statuses: ['skipped', 'cancelled'] },
};

export interface ReportChoices {
  from: string;
  to: string;
  channel: Channel | null;
  status: StatusGroup | null;
}

/** The filter for the summary and the CSV; a missing date leaves that end open. */
export function reportFilter({ from, to, channel, status }: ReportChoices): DeliveryFilter {
  return {
    ...(from && { from }),
    ...(to && { to }),
    ...(channel && { channel }),
    ...(status && { statuses: STATUS_GROUP_DEFINITIONS[status].statuses }),
  };
}

/** Why the choices cannot be asked for yet, in words; null when they can. */
export function reportChoicesProblem({ from, to }: ReportChoices): string | null {
  if (from && to && from > to) return 'The end date is before the start date: pick an end on or after the start.';
  return null;
}
