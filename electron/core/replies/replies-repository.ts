import type { Db } from '../../../db/open';
import type { ReplyDto } from '../../../shared/sending';
import type { InboundText } from '../providers/provider';
import type { ReplyAction } from './reply-keywords';

const SELECT_REPLY = `SELECT m.id, m.from_phone AS "from", m.body, m.received_at AS receivedAt, m.contact_id AS contactId,
       c.name AS contactName, m.campaign_id AS broadcastId, b.name AS broadcastName, m.action
  FROM inbound_messages m LEFT JOIN contacts c ON c.id = m.contact_id LEFT JOIN campaigns b ON b.id = m.campaign_id`;

/** Texts clients sent to the salon's number. */
export class RepliesRepository {
  constructor(private readonly db: Db) {}

  /** Store a reply once (a second poll of the same message changes nothing); returns it when new. */
  add(text: InboundText, action: ReplyAction | null): ReplyDto | undefined {
    const sqlite = this.db.$client;
    const contactId = sqlite.prepare(`SELECT id FROM contacts WHERE phone = ?`).pluck().get(text.from) as number | undefined;
    // The broadcast the client is answering: the latest text we sent them before the reply.
    const campaignId = sqlite
      .prepare(
        `SELECT campaign_id FROM deliveries WHERE channel = 'sms' AND address = ? AND accepted_at <= ?
          ORDER BY accepted_at DESC LIMIT 1`,
      )
      .pluck()
      .get(text.from, text.receivedAt) as number | undefined;
    const inserted = sqlite
      .prepare(
        `INSERT INTO inbound_messages (provider_message_id, from_phone, to_phone, body, received_at, contact_id, campaign_id, action)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider_message_id) DO NOTHING RETURNING id`,
      )
      .pluck()
      .get(text.providerMessageId, text.from, text.to, text.body, text.receivedAt, contactId ?? null, campaignId ?? null, action) as
      | number
      | undefined;
    return inserted === undefined ? undefined : (sqlite.prepare(`${SELECT_REPLY} WHERE m.id = ?`).get(inserted) as ReplyDto);
  }

  /** When the newest stored reply arrived: where the next poll starts. */
  latestReceivedAt(): string | undefined {
    return (this.db.$client.prepare(`SELECT MAX(received_at) FROM inbound_messages`).pluck().get() as string | null) ?? undefined;
  }

  list(query: { broadcastId?: number | undefined; limit: number; offset: number }): { total: number; replies: ReplyDto[] } {
    const sqlite = this.db.$client;
    const where = query.broadcastId === undefined ? '' : 'WHERE m.campaign_id = @broadcastId';
    const params = { broadcastId: query.broadcastId, limit: query.limit, offset: query.offset };
    const total = sqlite.prepare(`SELECT COUNT(*) FROM inbound_messages m ${where}`).pluck().get(params) as number;
    const replies = sqlite
      .prepare(`${SELECT_REPLY} ${where} ORDER BY m.received_at DESC, m.id DESC LIMIT @limit OFFSET @offset`)
      .all(params) as ReplyDto[];
    return { total, replies };
  }
}
