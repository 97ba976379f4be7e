// What the dashboard warns about, each at its threshold: texts not delivered, a broadcast that made
// clients opt out, numbers that cannot get texts.
import type Database from 'better-sqlite3';
import type { DashboardAlertDto } from '../../../shared/tracking';
import { SENT_STATUSES } from '../tracking/delivery-counts';
import { startOfSalonDay } from '../tracking/delivery-filter-sql';
import type { DayCounts } from './day-counts';
import type { FollowedMessage } from './followed-messages';

/** Over this share of the last 7 days' texts undelivered, carriers may be filtering the salon's number. */
export const UNDELIVERED_TEXTS_ALERT = 0.05;
/** Over this share of a broadcast's texts followed by an opt-out, the message put clients off. */
export const OPT_OUTS_ALERT = 0.013;

export interface AlertFacts {
  zone: string;
  /** The salon dates of the last 7 days, today included. */
  last7Start: string;
  /** Broadcasts launched since this salon date are checked for opt-outs. */
  last30Start: string;
  today: string;
  /** How many clients' numbers are marked unusable for texts. */
  smsUnusable: number;
  counts: DayCounts;
  /** The followed messages of every broadcast launched since last30Start, at least. */
  followed: readonly FollowedMessage[];
}

export function dashboardAlerts(sqlite: Database.Database, facts: AlertFacts): DashboardAlertDto[] {
  return [...undeliveredTexts(facts), ...optOuts(sqlite, facts), ...unusableNumbers(facts.smsUnusable)];
}

/** Of the texts tried in the last 7 salon days, the share that failed: refused, or taken and undeliverable. */
function undeliveredTexts({ counts, last7Start, today }: AlertFacts): DashboardAlertDto[] {
  const { failed, tried } = counts.onDays(last7Start, today).sms;
  const share = tried === 0 ? 0 : failed / tried;
  if (share <= UNDELIVERED_TEXTS_ALERT) return [];
  const message = `${percent(share)} of the texts tried in the last 7 days were not delivered (${failed} of ${tried}).`;
  return [{ kind: 'undelivered_texts', message, broadcastId: null, value: share }];
}

// A count per step and sent status, each a range of the deliveries(campaign_id, status, step_id,
// channel) index holding texts alone.
const TEXTS_SENT_SQL = `SELECT COALESCE(SUM((SELECT COUNT(*) FROM deliveries d
    WHERE d.campaign_id = s.campaign_id AND d.status = status.value AND d.step_id = s.id AND d.channel = 'sms')), 0)
  FROM campaign_steps s, json_each(@statuses) status WHERE s.campaign_id = @broadcastId`;

function optOuts(sqlite: Database.Database, { zone, last30Start, followed }: AlertFacts): DashboardAlertDto[] {
  const recent = sqlite
    .prepare(`SELECT id, name FROM campaigns WHERE launched_at >= ? ORDER BY launched_at DESC, id DESC`)
    .all(startOfSalonDay(last30Start, zone)) as Array<{ id: number; name: string }>;
  const textsSent = sqlite.prepare(TEXTS_SENT_SQL).pluck();
  return recent.flatMap(({ id, name }) => {
    const optedOut = followed.filter((m) => m.broadcastId === id && m.channel === 'sms' && m.kind === 'optedOut').length;
    const sent = textsSent.get({ broadcastId: id, statuses: JSON.stringify(SENT_STATUSES) }) as number;
    const share = sent === 0 ? 0 : optedOut / sent;
    if (share <= OPT_OUTS_ALERT) return [];
    const message = `“${name}” made ${percent(share)} of the clients it texted opt out (${optedOut} of ${sent}).`;
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
