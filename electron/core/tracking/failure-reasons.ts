// Why a broadcast's messages failed, grouped: "Not a mobile number (30006): 12".
import type Database from 'better-sqlite3';
import { CHANNELS, type Channel } from '../../../shared/dto';
import { deliveryReason } from '../../../shared/delivery-reasons';
import type { FailureReasonDto } from '../../../shared/tracking';
import { FAILED_STATUSES, statusInSql } from './delivery-counts';

const FAILED_SQL = statusInSql('d.status', FAILED_STATUSES);

/** The failed messages of a broadcast by channel and code, biggest group first; a missing code is ''. */
export function failureReasons(sqlite: Database.Database, broadcastId: number): FailureReasonDto[] {
  const groups = sqlite
    .prepare(
      `SELECT d.channel, COALESCE(d.error_code, '') AS code, COUNT(*) AS count FROM deliveries d
        WHERE d.campaign_id = ? AND ${FAILED_SQL} GROUP BY d.channel, code`,
    )
    .all(broadcastId) as Array<{ channel: Channel; code: string; count: number }>;
  return groups
    .map((group) => ({ ...group, ...deliveryReason(group.channel, group.code) }))
    .sort((a, b) => b.count - a.count || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel) || a.code.localeCompare(b.code));
}
