import Database from 'better-sqlite3';
import type { BroadcastStatus, DeliveryStatus } from '../../shared/dto';
import type { Round } from './prepare-round';

/** Where one broadcast stands, as read from its database. */
export interface Progress {
  broadcast: BroadcastStatus;
  byStatus: Partial<Record<DeliveryStatus, number>>;
  /** Deliveries claimed at least once. */
  claimed: number;
}

export interface DeliveryRow {
  id: number;
  address: string;
  status: DeliveryStatus;
  providerMessageId: string | null;
}

/** How interrupted sends were settled, from the delivery events. */
export interface Recovery {
  /** sending -> unknown at a start: claimed by an engine that was killed before it recorded an answer. */
  interrupted: number;
  /** sending -> unknown for any other reason (a send that timed out). */
  ambiguous: number;
  /** unknown -> accepted: found at Twilio, its id adopted. */
  adopted: number;
  /** unknown -> queued: Twilio never saw it, so it was sent again. */
  resent: number;
}

const INTERRUPTED_DETAIL = 'interrupted while sending';

/**
 * A read-only look at a round's database beside the engine process that writes it (WAL lets a reader
 * in at any time). Never a core: one engine per database at a time.
 */
export class RoundDb {
  private readonly sqlite: Database.Database;
  private readonly campaignId: number;

  constructor({ dbPath, campaignId }: Round) {
    this.campaignId = campaignId;
    this.sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
    this.sqlite.pragma('busy_timeout = 5000');
  }

  progress(): Progress {
    const broadcast = this.sqlite.prepare('SELECT status FROM campaigns WHERE id = ?').pluck().get(this.campaignId) as BroadcastStatus;
    const rows = this.sqlite
      .prepare('SELECT status, COUNT(*) AS count, SUM(attempts > 0) AS claimed FROM deliveries WHERE campaign_id = ? GROUP BY status')
      .all(this.campaignId) as Array<{ status: DeliveryStatus; count: number; claimed: number }>;
    return {
      broadcast,
      byStatus: Object.fromEntries(rows.map((row) => [row.status, row.count])),
      claimed: rows.reduce((sum, row) => sum + row.claimed, 0),
    };
  }

  deliveries(): DeliveryRow[] {
    return this.sqlite
      .prepare('SELECT id, address, status, provider_message_id AS providerMessageId FROM deliveries WHERE campaign_id = ? ORDER BY id')
      .all(this.campaignId) as DeliveryRow[];
  }

  /** Every provider id each delivery was ever marked accepted with. */
  acceptedIds(): Map<number, string[]> {
    const rows = this.sqlite
      .prepare(
        `SELECT e.delivery_id AS id, e.detail FROM delivery_events e JOIN deliveries d ON d.id = e.delivery_id
          WHERE d.campaign_id = ? AND e.to_status = 'accepted' ORDER BY e.id`,
      )
      .all(this.campaignId) as Array<{ id: number; detail: string }>;
    const ids = new Map<number, string[]>();
    for (const { id, detail } of rows) ids.set(id, [...(ids.get(id) ?? []), detail]);
    return ids;
  }

  recovery(): Recovery {
    const count = (where: string, ...params: unknown[]) =>
      this.sqlite
        .prepare(`SELECT COUNT(*) FROM delivery_events e JOIN deliveries d ON d.id = e.delivery_id WHERE d.campaign_id = ? AND ${where}`)
        .pluck()
        .get(this.campaignId, ...params) as number;
    return {
      interrupted: count(`e.from_status = 'sending' AND e.to_status = 'unknown' AND e.detail = ?`, INTERRUPTED_DETAIL),
      ambiguous: count(`e.from_status = 'sending' AND e.to_status = 'unknown' AND e.detail IS NOT ?`, INTERRUPTED_DETAIL),
      adopted: count(`e.from_status = 'unknown' AND e.to_status = 'accepted'`),
      resent: count(`e.from_status = 'unknown' AND e.to_status = 'queued'`),
    };
  }

  /**
   * Deliveries whose recorded changes do not chain (each change's "from" the previous one's "to",
   * ending at the current status): a state change was written without its event. Each as its changes.
   */
  brokenHistories(): Map<number, string[]> {
    const rows = this.sqlite
      .prepare(
        `SELECT e.delivery_id AS id, e.from_status AS "from", e.to_status AS "to", d.status AS current
           FROM delivery_events e JOIN deliveries d ON d.id = e.delivery_id WHERE d.campaign_id = ? ORDER BY e.delivery_id, e.id`,
      )
      .all(this.campaignId) as Array<{ id: number; from: DeliveryStatus | null; to: DeliveryStatus; current: DeliveryStatus }>;
    const byDelivery = new Map<number, typeof rows>();
    for (const row of rows) byDelivery.set(row.id, [...(byDelivery.get(row.id) ?? []), row]);
    const broken = new Map<number, string[]>();
    for (const [id, changes] of byDelivery) {
      const chained = changes.every((change, i) => change.from === (changes[i - 1]?.to ?? null)) && changes.at(-1)?.to === changes[0]?.current;
      if (!chained) broken.set(id, changes.map((change) => `${change.from ?? 'new'}->${change.to}`));
    }
    return broken;
  }

  close(): void {
    this.sqlite.close();
  }
}
