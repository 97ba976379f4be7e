// The sent messages of recent broadcasts that an opt-out or a reply followed, by the delivery counts'
// own look-ups (tracking/delivery-counts.ts), with each message's channel and time. Asked a broadcast at
// a time: across every broadcast, each client's opt-out would look up their messages of the whole year.
import type Database from 'better-sqlite3';
import type { Channel } from '../../../shared/dto';
import { deliveryFollowUps } from '../tracking/delivery-counts';
import { MESSAGE_TIME_SQL } from '../tracking/delivery-filter-sql';

export interface FollowedMessage {
  broadcastId: number;
  channel: Channel;
  /** The message's time (MESSAGE_TIME_SQL), ISO UTC. */
  at: string;
  kind: 'optedOut' | 'replied';
}

/**
 * Broadcasts that can have sent a message since `@since`: still going then, or finished after it. A
 * cancelled one may still see a message in flight taken, so it counts until its last change.
 */
const SENDING_SINCE_SQL = `SELECT id FROM campaigns WHERE launched_at IS NOT NULL
  AND (status NOT IN ('completed', 'cancelled') OR COALESCE(completed_at, updated_at) >= @since)`;

const MESSAGES_SQL = `SELECT d.id, d.campaign_id AS broadcastId, d.channel, ${MESSAGE_TIME_SQL} AS at
  FROM deliveries d WHERE d.id IN (SELECT value FROM json_each(?))`;

/** The followed messages of every broadcast that can have sent one since `since` (ISO UTC). */
export function followedMessagesSince(sqlite: Database.Database, since: string, zone: string): FollowedMessage[] {
  const broadcastIds = sqlite.prepare(SENDING_SINCE_SQL).pluck().all({ since }) as number[];
  const kinds = new Map<number, Array<FollowedMessage['kind']>>();
  const add = (id: number, kind: FollowedMessage['kind']) => kinds.set(id, [...(kinds.get(id) ?? []), kind]);
  for (const broadcastId of broadcastIds) {
    const { optedOut, replied } = deliveryFollowUps(sqlite, { broadcastId }, zone);
    for (const id of optedOut) add(id, 'optedOut');
    for (const id of replied) add(id, 'replied');
  }
  const messages = sqlite.prepare(MESSAGES_SQL).all(JSON.stringify([...kinds.keys()])) as Array<Omit<FollowedMessage, 'kind'> & { id: number }>;
  return messages.flatMap(({ id, ...message }) => (kinds.get(id) ?? []).map((kind) => ({ ...message, kind })));
}
