import Database from 'better-sqlite3';
import type { AutomationKind } from '../../shared/automations';
import type { BroadcastStatus, DeliveryStatus } from '../../shared/dto';
import type { Round } from './prepare-round';

/** The broadcasts a probe looks at: one launched broadcast, or every run the automations made. */
export type Watched = Round | { dbPath: string; automationRuns: true };

/** Where the watched broadcasts stand, as read from their database. */
export interface Progress {
  /** The broadcast's status; of automation runs, 'completed' once every one is, null before the first. */
  broadcast: BroadcastStatus | null;
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
  protected readonly sqlite: Database.Database;
  /** SQL listing the watched broadcasts' ids, and its parameters. */
  private readonly watched: string;
  private readonly params: unknown[];

  constructor(watched: Watched) {
    [this.watched, this.params] =
      'campaignId' in watched ? ['SELECT ?', [watched.campaignId]] : ['SELECT id FROM campaigns WHERE automation_id IS NOT NULL', []];
    this.sqlite = new Database(watched.dbPath, { readonly: true, fileMustExist: true });
    this.sqlite.pragma('busy_timeout = 5000');
  }

  progress(): Progress {
    const statuses = this.watchedQuery(`SELECT status FROM campaigns WHERE id IN (WATCHED)`).pluck().all(...this.params) as BroadcastStatus[];
    const rows = this.watchedQuery(
      'SELECT status, COUNT(*) AS count, SUM(attempts > 0) AS claimed FROM deliveries WHERE campaign_id IN (WATCHED) GROUP BY status',
    ).all(...this.params) as Array<{ status: DeliveryStatus; count: number; claimed: number }>;
    const broadcast = statuses.find((status) => status !== 'completed') ?? statuses[0] ?? null;
    return {
      broadcast,
      byStatus: Object.fromEntries(rows.map((row) => [row.status, row.count])),
      claimed: rows.reduce((sum, row) => sum + row.claimed, 0),
    };
  }

  deliveries(): DeliveryRow[] {
    return this.watchedQuery(
      'SELECT id, address, status, provider_message_id AS providerMessageId FROM deliveries WHERE campaign_id IN (WATCHED) ORDER BY id',
    ).all(...this.params) as DeliveryRow[];
  }

  /** Every provider id each delivery was ever marked accepted with. */
  acceptedIds(): Map<number, string[]> {
    const rows = this.watchedQuery(
      `SELECT e.delivery_id AS id, e.detail FROM delivery_events e JOIN deliveries d ON d.id = e.delivery_id
        WHERE d.campaign_id IN (WATCHED) AND e.to_status = 'accepted' ORDER BY e.id`,
    ).all(...this.params) as Array<{ id: number; detail: string }>;
    const ids = new Map<number, string[]>();
    for (const { id, detail } of rows) ids.set(id, [...(ids.get(id) ?? []), detail]);
    return ids;
  }

  recovery(): Recovery {
    const count = (where: string, ...params: unknown[]) =>
      this.watchedQuery(`SELECT COUNT(*) FROM delivery_events e JOIN deliveries d ON d.id = e.delivery_id WHERE d.campaign_id IN (WATCHED) AND ${where}`)
        .pluck()
        .get(...this.params, ...params) as number;
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
    const rows = this.watchedQuery(
      `SELECT e.delivery_id AS id, e.from_status AS "from", e.to_status AS "to", d.status AS current
         FROM delivery_events e JOIN deliveries d ON d.id = e.delivery_id WHERE d.campaign_id IN (WATCHED) ORDER BY e.delivery_id, e.id`,
    ).all(...this.params) as Array<{ id: number; from: DeliveryStatus | null; to: DeliveryStatus; current: DeliveryStatus }>;
    const byDelivery = new Map<number, typeof rows>();
    for (const row of rows) byDelivery.set(row.id, [...(byDelivery.get(row.id) ?? []), row]);
    const broken = new Map<number, string[]>();
    for (const [id, changes] of byDelivery) {
      const chained = changes.every((change, i) => change.from === (changes[i - 1]?.to ?? null)) && changes.at(-1)?.to === changes[0]?.current;
      if (!chained) broken.set(id, changes.map((change) => `${change.from ?? 'new'}->${change.to}`));
    }
    return broken;
  }

  /** `sql` with WATCHED standing for the watched broadcasts' ids, whose parameters come first. */
  private watchedQuery(sql: string): Database.Statement {
    return this.sqlite.prepare(sql.replace('WATCHED', this.watched));
  }

  close(): void {
    this.sqlite.close();
  }
}

/** An automation as its row stands. */
export interface AutomationState {
  id: number;
  kind: AutomationKind;
  enabled: boolean;
  /** The last salon day its triggers were decided for. */
  evaluatedThrough: string | null;
}

/** One row of the enrolment ledger, with the client's number. */
export interface Decision {
  kind: AutomationKind;
  phone: string;
  occasion: string;
  outcome: 'sent' | 'skipped';
  reason: string | null;
  /** The run carrying its messages. */
  campaignId: number | null;
}

/** An automation's run: a broadcast per automation and salon day. */
export interface AutomationRun {
  id: number;
  kind: AutomationKind;
  runDate: string;
  status: BroadcastStatus;
}

/** A message of an automation's run, with its client's number. */
export interface RunMessage extends DeliveryRow {
  campaignId: number;
  phone: string;
  channel: string;
}

/** The automations' side of a round's database: their switches, their ledger and their runs (the runs' deliveries as RoundDb). */
export class AutomationRunsDb extends RoundDb {
  constructor(dbPath: string) {
    super({ dbPath, automationRuns: true });
  }

  automations(): AutomationState[] {
    const rows = this.sqlite
      .prepare('SELECT id, kind, enabled, evaluated_through AS evaluatedThrough FROM automations ORDER BY id')
      .all() as Array<Omit<AutomationState, 'enabled'> & { enabled: number }>;
    return rows.map((row) => ({ ...row, enabled: row.enabled === 1 }));
  }

  decisions(): Decision[] {
    return this.sqlite
      .prepare(
        `SELECT a.kind, c.phone, e.occasion, e.outcome, e.reason, e.campaign_id AS campaignId
           FROM automation_enrolments e JOIN automations a ON a.id = e.automation_id JOIN contacts c ON c.id = e.contact_id ORDER BY e.id`,
      )
      .all() as Decision[];
  }

  runs(): AutomationRun[] {
    return this.sqlite
      .prepare(
        `SELECT c.id, a.kind, c.run_date AS runDate, c.status FROM campaigns c JOIN automations a ON a.id = c.automation_id ORDER BY c.id`,
      )
      .all() as AutomationRun[];
  }

  runMessages(): RunMessage[] {
    return this.sqlite
      .prepare(
        `SELECT d.id, d.campaign_id AS campaignId, c.phone, d.channel, d.address, d.status, d.provider_message_id AS providerMessageId
           FROM deliveries d JOIN campaigns k ON k.id = d.campaign_id AND k.automation_id IS NOT NULL
           JOIN campaign_recipients r ON r.id = d.recipient_id JOIN contacts c ON c.id = r.contact_id ORDER BY d.id`,
      )
      .all() as RunMessage[];
  }
}
