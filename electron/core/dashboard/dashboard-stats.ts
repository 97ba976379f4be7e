// The dashboard's numbers, over the messages the provider took (a scheduled broadcast has sent nothing),
// by salon day. The periods' counts are the delivery counts' own (tracking/delivery-counts.ts); the day
// chart and the undelivered-texts alert count the same taken statuses straight from the accepted-time index.
import type Database from 'better-sqlite3';
import { CHANNELS, type Channel, type SettingsDto } from '../../../shared/dto';
import type { DashboardDto, DashboardUpcomingDto, DashboardWaitingDto } from '../../../shared/tracking';
import { CHARGED } from '../campaigns/campaigns-repository';
import { SANDBOX_PROVIDER_ID } from '../providers/sandbox/sandbox-provider';
import { SENT_STATUSES, statusInSql } from '../tracking/delivery-counts';
import { startOfSalonDay } from '../tracking/delivery-filter-sql';
import { dashboardAlerts } from './dashboard-alerts';
import { salonDays } from './salon-days';
import { TakenCounts } from './taken-counts';

const UPCOMING_DAYS = 14;

export function dashboardStats(sqlite: Database.Database, settings: SettingsDto, now: Date): DashboardDto {
  const zone = settings.timeZone;
  const days = salonDays(now, zone);
  const taken = new TakenCounts(sqlite, zone);
  const monthSince = startOfSalonDay(days.monthStart, zone);
  const clients = clientsSince(sqlite, monthSince);
  return {
    sent: { today: taken.onDays(days.today, days.today), week: taken.onDays(days.weekStart, days.today), month: taken.onDays(days.monthStart, days.today) },
    spend: { ...spendSince(sqlite, monthSince), budgetCap: settings.budgetCap, currency: settings.currency },
    clients,
    upcoming: upcoming(sqlite, now),
    waiting: waiting(sqlite),
    alerts: dashboardAlerts(sqlite, taken, { zone, now, last7Start: days.last7Start, today: days.today, smsUnusable: clients.smsUnusable }),
    perDay: sentPerDay(sqlite, days.last30, zone),
  };
}

// FILTER counts rather than GROUP BY: no temporary b-tree for each of the 30 days.
const SENT_PER_CHANNEL_SQL = `SELECT ${CHANNELS.map((channel) => `COUNT(*) FILTER (WHERE channel = '${channel}') AS ${channel}`).join(', ')}
  FROM deliveries WHERE accepted_at >= ? AND accepted_at < ? AND ${statusInSql('status', SENT_STATUSES)}`;

/** Messages taken per channel on each of the salon days `dates` (consecutive), read from the accepted-time index alone. */
function sentPerDay(sqlite: Database.Database, dates: readonly string[], zone: string): DashboardDto['perDay'] {
  // Each day ends where the next begins: 31 instants for 30 days.
  const starts = [...dates.map((date) => startOfSalonDay(date, zone)), startOfSalonDay(dates.at(-1) ?? '', zone, 1)];
  const count = sqlite.prepare(SENT_PER_CHANNEL_SQL);
  return dates.map((date, i) => ({ date, ...(count.get(starts[i], starts[i + 1]) as Record<Channel, number>) }));
}

/**
 * What the providers charged for messages taken since `since`: their prices, estimates until reported.
 * Practice (sandbox) sends cost nothing; when they are all there is, their would-be cost is shown as practice.
 */
function spendSince(sqlite: Database.Database, since: string): { month: number; practice: boolean } {
  const { live, practice } = sqlite
    .prepare(
      `SELECT COALESCE(SUM(COALESCE(price, cost_estimate)) FILTER (WHERE provider IS NOT '${SANDBOX_PROVIDER_ID}'), 0) AS live,
              COALESCE(SUM(cost_estimate) FILTER (WHERE provider = '${SANDBOX_PROVIDER_ID}'), 0) AS practice
         FROM deliveries WHERE accepted_at >= ? AND ${CHARGED}`,
    )
    .get(since) as { live: number; practice: number };
  return live === 0 && practice > 0 ? { month: practice, practice: true } : { month: live, practice: false };
}

function clientsSince(sqlite: Database.Database, since: string): DashboardDto['clients'] {
  return sqlite
    .prepare(
      `SELECT (SELECT COUNT(*) FROM contacts) AS total,
              (SELECT COUNT(*) FROM contacts WHERE created_at >= @since) AS addedThisMonth,
              (SELECT COUNT(DISTINCT contact_id) FROM consent_events WHERE status = 'opted_out' AND at >= @since) AS optOutsThisMonth,
              (SELECT COUNT(*) FROM inbound_messages WHERE action IS NULL AND received_at >= @since) AS repliesThisMonth,
              (SELECT COUNT(*) FROM contacts WHERE sms_unusable_code IS NOT NULL) AS smsUnusable`,
    )
    .get({ since }) as DashboardDto['clients'];
}

/** Steps of scheduled or sending broadcasts due in the next 14 days, soonest first, with what waits in each. */
function upcoming(sqlite: Database.Database, now: Date): DashboardUpcomingDto[] {
  const rows = sqlite
    .prepare(
      `SELECT c.id AS broadcastId, c.name, s.day, s.send_at_utc AS at,
              (SELECT group_concat(channel) FROM (SELECT DISTINCT d.channel FROM deliveries d
                 WHERE d.campaign_id = c.id AND d.status = 'queued' AND d.step_id = s.id)) AS channels,
              (SELECT COUNT(*) FROM deliveries d WHERE d.campaign_id = c.id AND d.status = 'queued' AND d.step_id = s.id) AS messages
         FROM campaigns c JOIN campaign_steps s ON s.campaign_id = c.id
        WHERE c.status IN ('scheduled', 'sending') AND s.started_at IS NULL AND s.missed_at IS NULL
          AND s.send_at_utc > @now AND s.send_at_utc <= @until
        ORDER BY s.send_at_utc, c.id, s.day`,
    )
    .all({ now: now.toISOString(), until: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000).toISOString() }) as Array<
    Omit<DashboardUpcomingDto, 'channels'> & { channels: string | null }
  >;
  return rows
    .filter((row) => row.messages > 0)
    .map((row) => ({ ...row, channels: CHANNELS.filter((channel) => row.channels?.split(',').includes(channel)) }));
}

/** Missed steps, paused broadcasts and messages whose fate is unsure: each waits on the owner. */
function waiting(sqlite: Database.Database): DashboardWaitingDto[] {
  return sqlite
    .prepare(
      `SELECT 'missed_step' AS kind, c.id AS broadcastId, c.name,
              (SELECT COUNT(*) FROM deliveries d WHERE d.campaign_id = c.id AND d.status = 'queued' AND d.step_id = s.id) AS messages
         FROM campaigns c JOIN campaign_steps s ON s.campaign_id = c.id
        WHERE s.missed_at IS NOT NULL AND c.status IN ('scheduled', 'sending', 'paused')
       UNION ALL
       SELECT 'paused', c.id, c.name, (SELECT COUNT(*) FROM deliveries d WHERE d.campaign_id = c.id AND d.status = 'queued')
         FROM campaigns c WHERE c.status = 'paused'
       UNION ALL
       SELECT 'unsure', c.id, c.name, u.n
         FROM (SELECT campaign_id, COUNT(*) AS n FROM deliveries WHERE status = 'unknown' GROUP BY campaign_id) u
         JOIN campaigns c ON c.id = u.campaign_id`,
    )
    .all() as DashboardWaitingDto[];
}
