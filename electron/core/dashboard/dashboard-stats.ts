// The dashboard's numbers, by salon day. The periods, the day chart and the undelivered-texts alert
// add up one count of each day's tried messages (day-counts.ts), by the delivery counts' definition.
import type Database from 'better-sqlite3';
import { CHANNELS, type SettingsDto } from '../../../shared/dto';
import type { DashboardDto, DashboardUpcomingDto, DashboardWaitingDto } from '../../../shared/tracking';
import { CHARGED } from '../campaigns/campaigns-repository';
import { SANDBOX_PROVIDER_ID } from '../providers/sandbox/sandbox-provider';
import { MESSAGE_TIME_SQL, startOfSalonDay } from '../tracking/delivery-filter-sql';
import { dashboardAlerts } from './dashboard-alerts';
import { DayCounts } from './day-counts';
import { followedMessagesSince } from './followed-messages';
import { salonDays } from './salon-days';

const UPCOMING_DAYS = 14;

export function dashboardStats(sqlite: Database.Database, settings: SettingsDto, now: Date): DashboardDto {
  const zone = settings.timeZone;
  const days = salonDays(now, zone);
  const followed = followedMessagesSince(sqlite, startOfSalonDay(days.counted[0] ?? days.today, zone), zone);
  const counts = DayCounts.read(sqlite, days.counted, zone, followed);
  const monthSince = startOfSalonDay(days.monthStart, zone);
  const clients = clientsSince(sqlite, monthSince);
  return {
    sent: { today: counts.onDays(days.today, days.today), week: counts.onDays(days.weekStart, days.today), month: counts.onDays(days.monthStart, days.today) },
    spend: { ...spendBetween(sqlite, monthSince, startOfSalonDay(days.today, zone, 1)), budgetCap: settings.budgetCap, currency: settings.currency },
    clients,
    upcoming: upcoming(sqlite, now),
    waiting: waiting(sqlite),
    alerts: dashboardAlerts(sqlite, { zone, last7Start: days.last7Start, last30Start: days.last30[0] ?? days.today, today: days.today, smsUnusable: clients.smsUnusable, counts, followed }),
    perDay: days.last30.map((date) => {
      const { sms, email, push } = counts.onDays(date, date);
      return { date, sms: sms.sent, email: email.sent, push: push.sent };
    }),
  };
}

// Every channel named, so the deliveries(channel, status, message time) index serves it, prices included.
const SPEND_SQL = `SELECT COALESCE(SUM(COALESCE(price, cost_estimate)) FILTER (WHERE provider IS NOT '${SANDBOX_PROVIDER_ID}'), 0) AS live,
         COALESCE(SUM(cost_estimate) FILTER (WHERE provider = '${SANDBOX_PROVIDER_ID}'), 0) AS practice
    FROM deliveries d
   WHERE d.channel IN (${CHANNELS.map((channel) => `'${channel}'`).join(', ')}) AND ${CHARGED}
     AND ${MESSAGE_TIME_SQL} >= ? AND ${MESSAGE_TIME_SQL} < ?`;

/**
 * What the providers charged for the messages of `since` to `until`: their prices, estimates until
 * reported. Practice (sandbox) sends cost nothing; when they are all there is, their would-be cost is shown as practice.
 */
function spendBetween(sqlite: Database.Database, since: string, until: string): { month: number; practice: boolean } {
  const { live, practice } = sqlite.prepare(SPEND_SQL).get(since, until) as { live: number; practice: number };
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
