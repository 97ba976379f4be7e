// What the dashboard warns about, each at its threshold: texts not delivered, a broadcast that made
// clients opt out, numbers that cannot get texts.
import type Database from 'better-sqlite3';
import type { DashboardAlertDto } from '../../../shared/tracking';
import { SENT_STATUSES, statusInSql } from '../tracking/delivery-counts';
import { startOfSalonDay } from '../tracking/delivery-filter-sql';
import type { TakenCounts } from './taken-counts';

/** Over this share of the last 7 days' texts undelivered, carriers may be filtering the salon's number. */
export const UNDELIVERED_TEXTS_ALERT = 0.05;
/** Over this share of a broadcast's texts followed by an opt-out, the message put clients off. */
export const OPT_OUTS_ALERT = 0.013;
/** Broadcasts launched this long ago or less are checked for opt-outs. */
const OPT_OUT_LOOKBACK_DAYS = 30;

export interface AlertFacts {
  zone: string;
  now: Date;
  /** The salon dates of the last 7 days, today included. */
  last7Start: string;
  today: string;
  /** How many clients' numbers are marked unusable for texts. */
  smsUnusable: number;
}

export function dashboardAlerts(sqlite: Database.Database, taken: TakenCounts, facts: AlertFacts): DashboardAlertDto[] {
  return [...undeliveredTexts(sqlite, facts), ...optOuts(sqlite, taken, facts), ...unusableNumbers(facts.smsUnusable)];
}

// Read from the deliveries(accepted_at, channel, status) index alone: the 7 days often cut a broadcast in two.
const TEXTS_TAKEN_SQL = `SELECT COUNT(*) AS sent, COUNT(*) FILTER (WHERE status = 'undelivered') AS undelivered FROM deliveries
  WHERE accepted_at >= ? AND accepted_at < ? AND channel = 'sms' AND ${statusInSql('status', SENT_STATUSES)}`;

/** Of the texts the provider took in the last 7 salon days, the share it could not deliver. */
function undeliveredTexts(sqlite: Database.Database, { zone, last7Start, today }: AlertFacts): DashboardAlertDto[] {
  const { sent, undelivered } = sqlite
    .prepare(TEXTS_TAKEN_SQL)
    .get(startOfSalonDay(last7Start, zone), startOfSalonDay(today, zone, 1)) as { sent: number; undelivered: number };
  const share = sent === 0 ? 0 : undelivered / sent;
  if (share <= UNDELIVERED_TEXTS_ALERT) return [];
  const message = `${percent(share)} of the texts sent in the last 7 days were not delivered (${undelivered} of ${sent}).`;
  return [{ kind: 'undelivered_texts', message, broadcastId: null, value: share }];
}

function optOuts(sqlite: Database.Database, taken: TakenCounts, { now }: AlertFacts): DashboardAlertDto[] {
  const since = new Date(now.getTime() - OPT_OUT_LOOKBACK_DAYS * 86_400_000).toISOString();
  const recent = sqlite
    .prepare(`SELECT id, name FROM campaigns WHERE launched_at >= ? ORDER BY launched_at DESC, id DESC`)
    .all(since) as Array<{ id: number; name: string }>;
  return recent.flatMap(({ id, name }) => {
    const { sms } = taken.ofBroadcast(id);
    const share = sms.sent === 0 ? 0 : sms.optedOut / sms.sent;
    if (share <= OPT_OUTS_ALERT) return [];
    const message = `“${name}” made ${percent(share)} of the clients it texted opt out (${sms.optedOut} of ${sms.sent}).`;
    return [{ kind: 'opt_outs' as const, message, broadcastId: id, value: share }];
  });
}

function unusableNumbers(count: number): DashboardAlertDto[] {
  if (count === 0) return [];
  const clients = count === 1 ? '1 client’s number' : `${count} clients’ numbers`;
  const message = `${clients} cannot get texts (a landline or a number not in service): left out of text audiences until fixed.`;
  return [{ kind: 'unusable_numbers', message, broadcastId: null, value: count }];
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
