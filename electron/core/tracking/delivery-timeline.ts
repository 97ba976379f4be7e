// Sent, delivered and failed over time, for the broadcast page's chart.
import type Database from 'better-sqlite3';
import type { DeliveryTimelineDto } from '../../../shared/tracking';
import { FAILED_STATUSES, statusInSql } from './delivery-counts';

const FAILED_SQL = statusInSql('d.status', FAILED_STATUSES);

/** A send spanning less than this is shown minute by minute, a longer one hour by hour. */
const MINUTES_UNDER = 3 * 60;

type Point = DeliveryTimelineDto['points'][number];

/**
 * A message counts as sent in the minute the provider took it (accepted_at), and as delivered or failed
 * in the minute it reached that status (final_at): a message refused at once is failed without being sent.
 */
export function deliveryTimeline(sqlite: Database.Database, broadcastId: number): DeliveryTimelineDto {
  const minutes = sqlite
    .prepare(
      `SELECT minute AS at, SUM(kind = 'sent') AS sent, SUM(kind = 'delivered') AS delivered, SUM(kind = 'failed') AS failed
         FROM (SELECT substr(d.accepted_at, 1, 16) AS minute, 'sent' AS kind FROM deliveries d
                WHERE d.campaign_id = @id AND d.accepted_at IS NOT NULL
               UNION ALL
               SELECT substr(d.final_at, 1, 16), CASE WHEN d.status = 'delivered' THEN 'delivered' ELSE 'failed' END FROM deliveries d
                WHERE d.campaign_id = @id AND d.final_at IS NOT NULL AND (d.status = 'delivered' OR ${FAILED_SQL}))
        GROUP BY minute ORDER BY minute`,
    )
    .all({ id: broadcastId }) as Point[];
  const first = minutes[0];
  const last = minutes[minutes.length - 1];
  const spanMinutes = first && last ? (Date.parse(`${last.at}Z`) - Date.parse(`${first.at}Z`)) / 60_000 : 0;
  if (spanMinutes < MINUTES_UNDER) return { bucket: 'minute', points: minutes.map((point) => ({ ...point, at: `${point.at}:00.000Z` })) };
  return { bucket: 'hour', points: byHour(minutes) };
}

function byHour(minutes: readonly Point[]): Point[] {
  const hours = new Map<string, Point>();
  for (const minute of minutes) {
    const at = `${minute.at.slice(0, 13)}:00:00.000Z`;
    const hour = hours.get(at) ?? { at, sent: 0, delivered: 0, failed: 0 };
    hour.sent += minute.sent;
    hour.delivered += minute.delivered;
    hour.failed += minute.failed;
    hours.set(at, hour);
  }
  return [...hours.values()];
}
