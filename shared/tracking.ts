// How messages did: a broadcast's day x channel breakdown, its failure reasons, its deliveries over
// time and one by one; the delivery report CSV; the dashboard; a client's message history.
// Every count here comes from one definition (electron/core/tracking/delivery-counts.ts), so the
// screen, the dashboard and the CSV's totals always agree.
import { z } from 'zod';
import type { BroadcastDto, Channel, DeliveryStatus } from './dto';
import { CHANNELS, DELIVERY_STATUSES } from './dto';
import { MAX_STEPS } from './broadcasts';
import { isoDateSchema } from './contacts';
import { method } from './method';

const id = z.number().int().positive();
const byId = z.object({ id }).strict();

/** The counts of a group of messages: a broadcast, one day x channel cell, a date range. */
export interface DeliveryCountsDto {
  /** Messages planned: one per client, day and channel. */
  recipients: number;
  /** Messages the provider took: on their way, delivered, undeliverable or without a report. */
  sent: number;
  delivered: number;
  /** Refused by the provider, or undeliverable. */
  failed: number;
  /** Not sent yet: waiting for their time, or being sent. */
  pending: number;
  /** Cut off mid-send and not settled yet ('unknown'). */
  unsure: number;
  /** Not sent: the client opted out or lost the address after launch, or the owner skipped the day. */
  skipped: number;
  cancelled: number;
  /** Sent messages whose client opted out of that channel within 72 hours after. */
  optedOut: number;
  /** Sent texts whose client replied within 72 hours after. */
  replied: number;
  /** Messages tried so far (sent or refused): the base of the delivery and failure rates. */
  tried: number;
}

/** No messages: the counts of a group before any is added, on either side of the bridge. */
export function emptyCounts(): DeliveryCountsDto {
  return { recipients: 0, sent: 0, delivered: 0, failed: 0, pending: 0, unsure: 0, skipped: 0, cancelled: 0, optedOut: 0, replied: 0, tried: 0 };
}

export interface BreakdownCellDto {
  day: number;
  channel: Channel;
  counts: DeliveryCountsDto;
}

export interface CostDto {
  currency: string;
  /** Before launch's figure for everything planned: segments x the price per segment, sandbox included. */
  estimated: number;
  /** What the provider has charged so far: its reported prices, estimates for those not reported yet. */
  actual: number;
  /** Sent messages whose price the provider has not reported yet. */
  pricePending: number;
  /** True when nothing was charged: the practice (sandbox) provider sent them. */
  practice: boolean;
}

export interface BroadcastTrackingDto {
  broadcastId: number;
  total: DeliveryCountsDto;
  /** One per day and channel the broadcast has, Day 1 first, then text, email, push. */
  cells: BreakdownCellDto[];
  cost: CostDto;
}

/** Failed messages of one broadcast grouped by why, in plain words with the provider code. */
export interface FailureReasonDto {
  channel: Channel;
  /** The provider's code (e.g. '30006'), or ours (e.g. 'not_reachable'). */
  code: string;
  /** "Not a mobile number" */
  reason: string;
  count: number;
  /** Worth sending again later (a phone switched off, a full queue): offered "Resend to these". */
  retryable: boolean;
  /** The number can never get texts (a landline, an unknown number): offered "Stop texting these numbers". */
  numberUnusable: boolean;
}

export interface DeliveryTimelineDto {
  bucket: 'minute' | 'hour';
  /** `at` is the bucket's start, ISO UTC; buckets with nothing in them are left out. */
  points: Array<{ at: string; sent: number; delivered: number; failed: number }>;
}

/** Which messages: of one broadcast or all, in a date range (salon dates, inclusive), by channel, status... */
export const deliveryFilterSchema = z
  .object({
    broadcastId: id.optional(),
    /** Every run of one automation. */
    automationId: id.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    day: z.number().int().min(1).max(MAX_STEPS).optional(),
    channel: z.enum(CHANNELS).optional(),
    statuses: z.array(z.enum(DELIVERY_STATUSES)).min(1).max(DELIVERY_STATUSES.length).optional(),
    /** A provider or app error code, as in FailureReasonDto. */
    reason: z.string().trim().min(1).max(40).optional(),
    /** Part of the client's name, phone or email. */
    search: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine(({ from, to }) => !from || !to || from <= to, { message: 'The end date must be on or after the start date', path: ['to'] });
export type DeliveryFilter = z.input<typeof deliveryFilterSchema>;

export const DELIVERY_SORTS = ['time', 'name', 'status', 'channel', 'day'] as const;
export type DeliverySort = (typeof DELIVERY_SORTS)[number];

export interface DeliveryRowDto {
  id: number;
  broadcastId: number;
  broadcastName: string;
  day: number;
  channel: Channel;
  /** Null when the client was deleted since. */
  contactId: number | null;
  recipientName: string;
  address: string;
  status: DeliveryStatus;
  errorCode: string | null;
  /** The error in plain words, e.g. "Not a mobile number"; null when none. */
  reason: string | null;
  /** When the provider took it; null before. */
  sentAt: string | null;
  /** When it reached its final status (delivered, failed...); null before. */
  finalAt: string | null;
  updatedAt: string;
}

export interface DeliveryPageDto {
  /** Messages matching the filter, all pages together. */
  total: number;
  rows: DeliveryRowDto[];
  /** Pass as `after` for the next page; null on the last. */
  next: string | null;
}

export const REPORT_SEPARATORS = [',', ';'] as const;
export type ReportSeparator = (typeof REPORT_SEPARATORS)[number];

/** What a message's history shows on the client: messages, replies and consent changes, newest first. */
export type ClientTimelineItemDto =
  | {
      kind: 'message';
      at: string;
      deliveryId: number;
      broadcastId: number;
      broadcastName: string;
      day: number;
      channel: Channel;
      status: DeliveryStatus;
      errorCode: string | null;
      reason: string | null;
    }
  | { kind: 'reply'; at: string; body: string }
  | { kind: 'consent'; at: string; channel: string; status: string; source: string };

export interface DashboardPeriodDto {
  /** Per channel, the messages tried in the period (taken by the provider, or refused by it) and how they did. */
  sms: DeliveryCountsDto;
  email: DeliveryCountsDto;
  push: DeliveryCountsDto;
}

export interface DashboardUpcomingDto {
  broadcastId: number;
  name: string;
  day: number;
  /** ISO UTC */
  at: string;
  channels: Channel[];
  messages: number;
}

export type DashboardAlertKind = 'undelivered_texts' | 'opt_outs' | 'unusable_numbers';

export interface DashboardAlertDto {
  kind: DashboardAlertKind;
  message: string;
  /** The broadcast behind it, when there is one. */
  broadcastId: number | null;
  /** The figure, e.g. 0.062 for 6.2 %, or a count of numbers. */
  value: number;
}

export interface DashboardWaitingDto {
  kind: 'missed_step' | 'paused' | 'unsure';
  broadcastId: number;
  name: string;
  /** How many messages wait. */
  messages: number;
}

export interface DashboardDto {
  /** Salon dates: today, the week (Monday first) and month so far. */
  sent: { today: DashboardPeriodDto; week: DashboardPeriodDto; month: DashboardPeriodDto };
  spend: { month: number; budgetCap: number | null; currency: string; practice: boolean };
  clients: { total: number; addedThisMonth: number; optOutsThisMonth: number; repliesThisMonth: number; smsUnusable: number };
  /** Scheduled sends in the next 14 days, soonest first. */
  upcoming: DashboardUpcomingDto[];
  /** What waits on the owner. */
  waiting: DashboardWaitingDto[];
  alerts: DashboardAlertDto[];
  /** Messages sent per salon day over the last 30 days, oldest first, every day present. */
  perDay: Array<{ date: string; sms: number; email: number; push: number }>;
}

export const trackingMethods = {
  /** The day x channel breakdown, totals and cost of one broadcast. */
  'tracking.broadcast': method<BroadcastTrackingDto>()(byId),
  'tracking.failureReasons': method<FailureReasonDto[]>()(byId),
  /** Sent, delivered and failed per minute (a send under 3 hours) or per hour. */
  'tracking.timeline': method<DeliveryTimelineDto>()(byId),
  /** One page of messages, keyset-paginated: pass the last page's `next` as `after`. */
  'tracking.deliveries': method<DeliveryPageDto>()(
    z
      .object({
        filter: deliveryFilterSchema,
        sort: z.enum(DELIVERY_SORTS).default('time'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        // The cursor carries the last row's sort key: a long name in base64 is long.
        after: z.string().max(4000).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** The counts for a filter: the same figures as the CSV report's. */
  'tracking.summary': method<DeliveryCountsDto>()(z.object({ filter: deliveryFilterSchema }).strict()),
  /** A new draft with the broadcast's content, to the clients whose message failed for a retryable reason (`code`: one group). */
  'tracking.resendFailed': method<BroadcastDto>()(z.object({ id, code: z.string().trim().min(1).max(40).optional() }).strict()),
  /** Mark the numbers of one failure group (landline, unknown number) as unusable for texts. */
  'tracking.stopTexting': method<{ marked: number }>()(z.object({ id, code: z.string().trim().min(1).max(40) }).strict()),
  /** Write the delivery report CSV to the data folder; fetch it with exports.chunk or exports.saveAs. */
  'reports.deliveriesCsv': method<{ fileId: string; fileName: string; rows: number; totals: DeliveryCountsDto }>()(
    z.object({ filter: deliveryFilterSchema, separator: z.enum(REPORT_SEPARATORS).default(',') }).strict(),
  ),
  'dashboard.stats': method<DashboardDto>()(z.object({}).strict()),
  /** Every message the client was sent, their replies and consent changes, newest first. */
  'contacts.history': method<{ items: ClientTimelineItemDto[]; next: string | null }>()(
    z.object({ id, after: z.string().max(200).optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  ),
  /** The number works for texts after all (the client says it is a mobile): clears the mark. */
  'contacts.markSmsUsable': method<{ id: number }>()(byId),
  /** The bytes of an export (clients, delivery report) from `offset`, base64; done once all are read (the file is then deleted). */
  'exports.chunk': method<{ chunk: string; done: boolean }>()(
    z.object({ fileId: z.string().regex(/^[\w-]{8,64}$/), offset: z.number().int().min(0) }).strict(),
  ),
  /**
   * Desktop only: the shell asks where to save through the native dialog and writes the file there.
   * The web host answers `not_available`; the browser downloads with exports.chunk instead.
   */
  'exports.saveAs': method<{ saved: boolean; path: string | null }>()(
    z.object({ fileId: z.string().regex(/^[\w-]{8,64}$/), fileName: z.string().trim().min(1).max(200) }).strict(),
  ),
} as const;
