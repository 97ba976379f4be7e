// THE definition of DeliveryCountsDto (shared/tracking.ts): the broadcast page, the dashboard and the
// delivery report's totals all count here, so their figures always agree.
//
// Counting reads the messages grouped by status alone (the deliveries(campaign_id, status, step_id,
// channel) index serves a broadcast without touching a row) and maps each status to the counts it adds
// to. Opt-outs and replies are found from the other side: each opt-out or reply, a small table, looks
// up the client's messages sent in the 72 hours before it, so no per-message subquery runs.
import type Database from 'better-sqlite3';
import { CHANNELS, DELIVERY_STATUSES, type Channel, type DeliveryStatus } from '../../../shared/dto';
import { emptyCounts, type BreakdownCellDto, type DeliveryCountsDto, type DeliveryFilter } from '../../../shared/tracking';
import { deliveryWhere, type DeliveryWhere } from './delivery-filter-sql';

type Count = Exclude<keyof DeliveryCountsDto, 'recipients' | 'optedOut' | 'replied'>;

/**
 * What one message adds to, beyond `recipients`, by its status: each lands in exactly one of pending,
 * unsure, sent, failed-without-being-sent, skipped and cancelled, so they add up to `recipients`. A
 * message on its way (accepted, sent) is sent, not pending, as DeliveryCountsDto says; the broadcast
 * list's BroadcastStatsDto counts by the same table.
 */
const COUNTED_AS: Readonly<Record<DeliveryStatus, readonly Count[]>> = {
  queued: ['pending'],
  sending: ['pending'],
  accepted: ['sent', 'tried'],
  sent: ['sent', 'tried'],
  delivered: ['sent', 'delivered', 'tried'],
  undelivered: ['sent', 'failed', 'tried'],
  // Refused without being sent.
  failed: ['failed', 'tried'],
  unknown: ['unsure'],
  no_report: ['sent', 'tried'],
  cancelled: ['cancelled'],
  skipped: ['skipped'],
};

const countedAs = (count: Count) => (Object.keys(COUNTED_AS) as DeliveryStatus[]).filter((status) => COUNTED_AS[status].includes(count));
/** Statuses of messages the provider took: the ones an opt-out or a reply can follow. */
export const SENT_STATUSES: readonly DeliveryStatus[] = countedAs('sent');
/** Statuses of messages that failed: refused, or taken and then undeliverable. */
export const FAILED_STATUSES: readonly DeliveryStatus[] = countedAs('failed');
/** Statuses of messages not sent yet: waiting for their time, or being sent. */
export const PENDING_STATUSES: readonly DeliveryStatus[] = countedAs('pending');
/** Statuses of messages tried: taken by the provider, or refused by it. */
export const TRIED_STATUSES: readonly DeliveryStatus[] = countedAs('tried');

/** Add `n` messages of `status` to `counts`, by the table above. */
export function addStatusCounts(counts: DeliveryCountsDto, status: DeliveryStatus, n: number): void {
  counts.recipients += n;
  for (const count of COUNTED_AS[status]) counts[count] += n;
}

/** `column` holds one of `statuses`, as SQL. */
export function statusInSql(column: string, statuses: readonly DeliveryStatus[]): string {
  return `${column} IN (${statuses.map((status) => `'${status}'`).join(', ')})`;
}
const SENT_SQL = statusInSql('d.status', SENT_STATUSES);

/** How long after a message an opt-out or a reply is put down to it. */
export const FOLLOW_UP_HOURS = 72;

/** The counts of several groups together: a broadcast's total from its cells. */
export function sumCounts(groups: readonly DeliveryCountsDto[]): DeliveryCountsDto {
  const total = emptyCounts();
  for (const counts of groups) for (const key of Object.keys(total) as Array<keyof DeliveryCountsDto>) total[key] += counts[key];
  return total;
}

/** The messages matching `filter` that an opt-out or a reply followed, by delivery id. */
export interface DeliveryFollowUps {
  /** Sent messages whose client opted out of that channel within 72 hours after. */
  optedOut: ReadonlySet<number>;
  /** Sent texts whose client replied (other than STOP or START) within 72 hours after. */
  replied: ReadonlySet<number>;
}

/**
 * The counts of the messages matching `filter`. `sqlite` must have search_key() (db/search-key-sql.ts:
 * openDatabase's connection has it, a reader needs registerSearchKey); `zone` is the salon's time zone.
 */
export function countDeliveries(sqlite: Database.Database, filter: DeliveryFilter, zone: string): DeliveryCountsDto {
  return groupedCounts(sqlite, filter, zone, () => 'all').get('all') ?? emptyCounts();
}

/** The counts per day and channel, for the days and channels with messages: Day 1 first, then text, email, push. */
export function countDeliveriesByCell(sqlite: Database.Database, filter: DeliveryFilter, zone: string): BreakdownCellDto[] {
  const cells = groupedCounts(sqlite, filter, zone, (day, channel) => `${day}:${channel}`);
  return [...cells.entries()]
    .map(([key, counts]) => {
      const [day = '0', channel = 'sms'] = key.split(':');
      return { day: Number(day), channel: channel as Channel, counts };
    })
    .sort((a, b) => a.day - b.day || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
}

/** The counts per channel, every channel present. */
export function countDeliveriesByChannel(sqlite: Database.Database, filter: DeliveryFilter, zone: string): Record<Channel, DeliveryCountsDto> {
  const byChannel = groupedCounts(sqlite, filter, zone, (_day, channel) => channel);
  return { sms: byChannel.get('sms') ?? emptyCounts(), email: byChannel.get('email') ?? emptyCounts(), push: byChannel.get('push') ?? emptyCounts() };
}

/** Which messages matching `filter` were followed by an opt-out or a reply: the report's yes/no columns. */
export function deliveryFollowUps(sqlite: Database.Database, filter: DeliveryFilter, zone: string): DeliveryFollowUps {
  const optedOut = new Set<number>();
  const replied = new Set<number>();
  for (const row of followUpRows(sqlite, deliveryWhere(filter, zone))) (row.kind === 'optedOut' ? optedOut : replied).add(row.id);
  return { optedOut, replied };
}

interface StatusRow {
  day: number;
  channel: Channel;
  status: DeliveryStatus;
  n: number;
}

interface FollowUpRow {
  id: number;
  day: number;
  channel: Channel;
  kind: 'optedOut' | 'replied';
}

function groupedCounts(
  sqlite: Database.Database,
  filter: DeliveryFilter,
  zone: string,
  keyOf: (day: number, channel: Channel) => string,
): Map<string, DeliveryCountsDto> {
  const where = deliveryWhere(filter, zone);
  const groups = new Map<string, DeliveryCountsDto>();
  const groupOf = (day: number, channel: Channel): DeliveryCountsDto => {
    const key = keyOf(day, channel);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = emptyCounts()));
    return counts;
  };
  for (const row of statusRows(sqlite, filter, where)) {
    addStatusCounts(groupOf(row.day, row.channel), row.status, row.n);
  }
  for (const row of followUpRows(sqlite, where)) groupOf(row.day, row.channel)[row.kind] += 1;
  return groups;
}

/** Messages per step, channel and status, with the step's day. */
function statusRows(sqlite: Database.Database, filter: DeliveryFilter, { joins, where, params }: DeliveryWhere): StatusRow[] {
  if (filter.broadcastId === undefined) {
    return sqlite
      .prepare(
        `SELECT st.day, g.channel, g.status, g.n
           FROM (SELECT d.step_id, d.channel, d.status, COUNT(*) AS n FROM deliveries d ${joins}
                  WHERE ${where} GROUP BY d.status, d.step_id, d.channel) g
           JOIN campaign_steps st ON st.id = g.step_id`,
      )
      .all(params) as StatusRow[];
  }
  // One broadcast: a count of each step x status x channel's range of the deliveries(campaign_id,
  // status, step_id, channel) index runs in half the time of grouping its 100,000 entries.
  const rows = sqlite
    .prepare(
      `SELECT st.day, channel.value AS channel, status.value AS status,
              (SELECT COUNT(*) FROM deliveries d ${joins}
                WHERE d.campaign_id = st.campaign_id AND d.status = status.value AND d.step_id = st.id
                  AND d.channel = channel.value AND ${where}) AS n
         FROM campaign_steps st, json_each(@countedStatuses) status, json_each(@countedChannels) channel
        WHERE st.campaign_id = @broadcastId`,
    )
    .all({
      ...params,
      countedStatuses: JSON.stringify([...new Set(filter.statuses ?? DELIVERY_STATUSES)]),
      countedChannels: JSON.stringify(filter.channel === undefined ? CHANNELS : [filter.channel]),
    }) as StatusRow[];
  return rows.filter((row) => row.n > 0);
}

/**
 * Each opt-out (consent_events) and each ordinary reply (inbound_messages) since the filter's first
 * possible message, joined to that client's sent messages matching the filter in the 72 hours before
 * it. CROSS JOIN fixes that order: from the few events to the client's recipients (by contact), their
 * broadcast's steps, then the message by the unique (step, recipient, channel) index.
 */
function followUpRows(sqlite: Database.Database, where: DeliveryWhere): FollowUpRow[] {
  const window = `d.accepted_at <= event.at AND event.at < strftime('%Y-%m-%dT%H:%M:%fZ', d.accepted_at, '+${FOLLOW_UP_HOURS} hours')`;
  // A broadcast's recipient is found by the (campaign_id, contact_id) index alone.
  const ofBroadcast = where.params.broadcastId === undefined ? '' : ' AND r.campaign_id = @broadcastId';
  const toMessages = (channel: string) => `CROSS JOIN campaign_recipients r ON r.contact_id = event.contact_id${ofBroadcast}
    CROSS JOIN campaign_steps s ON s.campaign_id = r.campaign_id
    CROSS JOIN deliveries d ON d.step_id = s.id AND d.recipient_id = r.id AND d.channel = ${channel}`;
  const bounds = eventBounds(sqlite, where);
  const during = (at: string) => `${at} >= @eventsFrom${bounds.eventsUntil === null ? '' : ` AND ${at} < @eventsUntil`}`;
  return sqlite
    .prepare(
      `SELECT d.id, s.day, d.channel, 'optedOut' AS kind
         FROM (SELECT contact_id, channel, at FROM consent_events
                WHERE status = 'opted_out' AND ${during('at')}) event
         ${toMessages('event.channel')}
        WHERE ${SENT_SQL} AND ${window} AND ${where.where}
       UNION
       SELECT d.id, s.day, d.channel, 'replied' AS kind
         FROM (SELECT contact_id, received_at AS at FROM inbound_messages
                WHERE action IS NULL AND contact_id IS NOT NULL AND ${during('received_at')}) event
         ${toMessages("'sms'")}
        WHERE ${SENT_SQL} AND ${window} AND ${where.where}`,
    )
    .all({ ...where.params, ...bounds }) as FollowUpRow[];
}

/**
 * When an opt-out or a reply can have followed a matching message: from the filter's first day, or the
 * broadcast's launch, until 72 hours after the filter's last day.
 */
function eventBounds(sqlite: Database.Database, { params, since, until }: DeliveryWhere): { eventsFrom: string; eventsUntil: string | null } {
  const launchedAt =
    typeof params.broadcastId === 'number'
      ? ((sqlite.prepare('SELECT launched_at FROM campaigns WHERE id = ?').pluck().get(params.broadcastId) as string | null | undefined) ?? null)
      : null;
  const eventsFrom = [since ?? '', launchedAt ?? ''].reduce((a, b) => (a > b ? a : b));
  const eventsUntil = until === null ? null : new Date(Date.parse(until) + FOLLOW_UP_HOURS * 3_600_000).toISOString();
  return { eventsFrom, eventsUntil };
}
