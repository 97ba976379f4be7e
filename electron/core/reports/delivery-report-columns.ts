// The delivery report's columns: one row per message, headers in plain English, times in the salon's
// zone (named in the header) plus the sent time in UTC, amounts with the decimal mark that goes with
// the separator (a comma where ';' separates, as Excel there reads numbers).
import { deliveryReason } from '../../../shared/delivery-reasons';
import type { Channel, DeliveryStatus } from '../../../shared/dto';
import type { ReportSeparator } from '../../../shared/tracking';
import type { DeliveryFollowUps } from '../tracking/delivery-counts';
import { salonMinutes } from './salon-minutes';

/** A message as the report's query reads it. */
export interface ReportRow {
  id: number;
  broadcast: string;
  day: number;
  channel: Channel;
  clientName: string;
  clientId: number | null;
  address: string;
  status: DeliveryStatus;
  errorCode: string | null;
  providerMessageId: string | null;
  launchedAt: string | null;
  acceptedAt: string | null;
  finalAt: string | null;
  segments: number | null;
  costEstimate: number | null;
  price: number | null;
  priceUnit: string | null;
}

export interface ReportContext {
  zone: string;
  /** The salon's currency: the estimates' */
  currency: string;
  separator: ReportSeparator;
  followUps: DeliveryFollowUps;
}

const CHANNEL_WORDS: Record<Channel, string> = { sms: 'Text', email: 'Email', push: 'Push notification' };

/** Each status's word, as the app shows it, and what it means. */
const STATUS_WORDS: Record<DeliveryStatus, readonly [word: string, meaning: string]> = {
  queued: ['Queued', 'Waiting for its send time.'],
  sending: ['Sending', 'Being handed to the provider.'],
  accepted: ['Sent', 'The provider took it; no delivery report yet.'],
  sent: ['Sent', 'On its way; no delivery report yet.'],
  delivered: ['Delivered', 'It reached the phone or inbox.'],
  undelivered: ['Not delivered', 'The provider sent it but it could not reach the phone or inbox.'],
  failed: ['Failed', 'Refused before it could be sent.'],
  unknown: ['Unsure', 'Cut off mid-send: not known yet whether it went out.'],
  no_report: ['Sent, no report', 'Sent, but the provider never reported whether it arrived.'],
  cancelled: ['Not sent (cancelled)', 'The broadcast was cancelled before this message went out.'],
  skipped: ['Skipped', 'Not sent: the client opted out or lost the address after launch, or the day was skipped.'],
};

const FAILED_STATUSES: ReadonlySet<DeliveryStatus> = new Set(['failed', 'undelivered']);

export function reportHeader({ zone, currency }: Pick<ReportContext, 'zone' | 'currency'>): string[] {
  return [
    'Broadcast',
    'Day',
    'Channel',
    'Client name',
    'Client id',
    'Address',
    'Status',
    'Status meaning',
    'Error code',
    'Reason',
    'Provider message id',
    `Queued (${zone})`,
    `Sent (${zone})`,
    `Delivered (${zone})`,
    `Failed (${zone})`,
    'Sent (UTC)',
    'Segments',
    `Estimated cost (${currency})`,
    'Actual cost',
    'Actual cost currency',
    'Replied',
    'Opted out after',
  ];
}

/** A function turning each message into its cells, in the order of reportHeader. */
export function reportRecords(context: ReportContext): (row: ReportRow) => string[] {
  const inZone = salonMinutes(context.zone);
  const amount = amountWriter(context.separator);
  const { optedOut, replied } = context.followUps;
  return (row) => {
    const [word, meaning] = STATUS_WORDS[row.status];
    return [
      row.broadcast,
      String(row.day),
      CHANNEL_WORDS[row.channel],
      row.clientName,
      row.clientId === null ? '' : String(row.clientId),
      row.address,
      word,
      meaning,
      row.errorCode ?? '',
      row.errorCode === null ? '' : deliveryReason(row.channel, row.errorCode).reason,
      row.providerMessageId ?? '',
      inZone(row.launchedAt),
      inZone(row.acceptedAt),
      row.status === 'delivered' ? inZone(row.finalAt) : '',
      FAILED_STATUSES.has(row.status) ? inZone(row.finalAt) : '',
      row.acceptedAt ?? '',
      row.segments === null ? '' : String(row.segments),
      amount(row.costEstimate),
      amount(row.price),
      row.price === null ? '' : row.priceUnit || context.currency,
      replied.has(row.id) ? 'Yes' : 'No',
      optedOut.has(row.id) ? 'Yes' : 'No',
    ];
  };
}

/** Amounts to 4 decimals (a text segment costs fractions of a cent), with the separator's decimal mark. */
function amountWriter(separator: ReportSeparator): (value: number | null) => string {
  const decimalComma = separator === ';';
  return (value) => {
    if (value === null) return '';
    const text = String(Math.round(value * 10_000) / 10_000);
    return decimalComma ? text.replace('.', ',') : text;
  };
}
