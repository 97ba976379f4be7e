// A client's timeline: every message they were sent, their replies and their consent changes, newest
// first, a page at a time. The page's position travels as an opaque cursor: the last item's time,
// kind and id, so a page never repeats or skips an item when new ones arrive.
import type Database from 'better-sqlite3';
import type { Channel, DeliveryStatus } from '../../../shared/dto';
import type { ClientTimelineItemDto } from '../../../shared/tracking';
import { deliveryReason } from '../../../shared/delivery-reasons';
import { invalidInput } from '../errors';
import { MESSAGE_TIME_SQL } from '../tracking/delivery-filter-sql';

export interface ClientHistoryPage {
  items: ClientTimelineItemDto[];
  next: string | null;
}

/** At the same instant a consent change is listed above the reply that caused it, and a reply above a message. */
const KIND_RANK = { message: 0, reply: 1, consent: 2 } as const;
type Kind = keyof typeof KIND_RANK;

interface Position {
  at: string;
  rank: number;
  id: number;
}

interface HistoryRow extends Position {
  kind: Kind;
  broadcastId: number | null;
  broadcastName: string | null;
  day: number | null;
  channel: string | null;
  status: string | null;
  errorCode: string | null;
  text: string | null;
}

// From the client's recipients by contact to their broadcast's steps, then each message by the unique
// (step, recipient, channel) index: deliveries have no index by recipient alone.
const HISTORY_SQL = `SELECT * FROM (
    SELECT 'message' AS kind, ${MESSAGE_TIME_SQL} AS at, ${KIND_RANK.message} AS rank, d.id, d.campaign_id AS broadcastId,
           c.name AS broadcastName, s.day, d.channel, d.status, d.error_code AS errorCode, NULL AS text
      FROM campaign_recipients r CROSS JOIN campaign_steps s ON s.campaign_id = r.campaign_id
      CROSS JOIN deliveries d ON d.step_id = s.id AND d.recipient_id = r.id
      JOIN campaigns c ON c.id = r.campaign_id
     WHERE r.contact_id = @contactId
    UNION ALL
    SELECT 'reply', received_at, ${KIND_RANK.reply}, id, NULL, NULL, NULL, 'sms', NULL, NULL, body
      FROM inbound_messages WHERE contact_id = @contactId
    UNION ALL
    SELECT 'consent', at, ${KIND_RANK.consent}, id, NULL, NULL, NULL, channel, status, NULL, source
      FROM consent_events WHERE contact_id = @contactId)
  WHERE @first OR (at, rank, id) < (@at, @rank, @id)
  ORDER BY at DESC, rank DESC, id DESC
  LIMIT @limit`;

/** One page of the client's timeline, newest first; `after` is the previous page's `next`. */
export function clientHistory(sqlite: Database.Database, contactId: number, after: string | undefined, limit: number): ClientHistoryPage {
  const position = after === undefined ? undefined : decodeCursor(after);
  const rows = sqlite.prepare(HISTORY_SQL).all({
    contactId,
    first: position === undefined ? 1 : 0,
    at: position?.at ?? '',
    rank: position?.rank ?? 0,
    id: position?.id ?? 0,
    limit: limit + 1,
  }) as HistoryRow[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toItem), next: rows.length > limit && last ? encodeCursor(last) : null };
}

function toItem(row: HistoryRow): ClientTimelineItemDto {
  switch (row.kind) {
    case 'message': {
      const channel = row.channel as Channel;
      return {
        kind: 'message',
        at: row.at,
        deliveryId: row.id,
        broadcastId: row.broadcastId ?? 0,
        broadcastName: row.broadcastName ?? '',
        day: row.day ?? 1,
        channel,
        status: row.status as DeliveryStatus,
        errorCode: row.errorCode,
        reason: row.errorCode === null ? null : deliveryReason(channel, row.errorCode).reason,
      };
    }
    case 'reply':
      return { kind: 'reply', at: row.at, body: row.text ?? '' };
    case 'consent':
      return { kind: 'consent', at: row.at, channel: row.channel ?? '', status: row.status ?? '', source: row.text ?? '' };
  }
}

function encodeCursor({ at, rank, id }: Position): string {
  return Buffer.from(JSON.stringify([at, rank, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): Position {
  const invalid = invalidInput([{ path: 'after', message: 'That page of the history is no longer valid: open the client again.' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid;
  const [at, rank, id] = parsed as unknown[];
  if (typeof at !== 'string' || !Number.isInteger(rank) || !Number.isInteger(id)) throw invalid;
  return { at, rank: rank as number, id: id as number };
}
