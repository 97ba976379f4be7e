import type Database from 'better-sqlite3';
import { FINAL_DELIVERY_STATUSES, type Channel, type DeliveryStatus } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { StatementCache } from '../../../db/statement-cache';
import type { OutgoingMessage, StatusReport } from '../providers/provider';
import { composeMessage, type SalonIdentity } from './compose-message';

/** A delivery taken for sending, with what to send. */
export interface ClaimedDelivery {
  id: number;
  campaignId: number;
  /** Send attempts so far, including this one. */
  attempts: number;
  message: OutgoingMessage;
}

export interface AwaitingStatus {
  id: number;
  campaignId: number;
  providerMessageId: string;
}

interface DeliveryWithContent {
  id: number;
  campaignId: number;
  attempts: number;
  channel: Channel;
  address: string;
  smsBody: string | null;
  smsOptOutLine: number;
  emailSubject: string | null;
  emailBody: string | null;
  recipientName: string;
  firstName: string | null;
  lastName: string | null;
  customFields: string;
}

const WITH_CONTENT = `
  SELECT d.id, d.campaign_id AS campaignId, d.attempts, d.channel, d.address,
         s.sms_body AS smsBody, s.sms_opt_out_line AS smsOptOutLine, s.email_subject AS emailSubject,
         s.email_body AS emailBody, r.name AS recipientName, r.first_name AS firstName, r.last_name AS lastName,
         r.custom_fields AS customFields
    FROM deliveries d JOIN campaign_steps s ON s.id = d.step_id JOIN campaign_recipients r ON r.id = d.recipient_id`;

const PENDING = `status NOT IN (${FINAL_DELIVERY_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/** Columns a state change may also set, besides status and updated_at. */
type Column = 'provider' | 'provider_message_id' | 'error_code' | 'error_message' | 'due_at';
interface Change {
  set?: Partial<Record<Column, string>>;
  countAttempt?: boolean;
  /** Written to delivery_events: the provider id, or the error behind the change. */
  detail?: string;
}

/**
 * The deliveries table as a state machine. Every change goes through `move`, which only applies when
 * the delivery is still in an expected state and appends the change to delivery_events.
 */
export class Outbox {
  private readonly sqlite: Database.Database;
  private readonly statements: StatementCache;

  /** `salon` says who messages come from; read once per batch of claims. */
  constructor(
    private readonly db: Db,
    private readonly salon: () => SalonIdentity,
  ) {
    this.sqlite = db.$client;
    this.statements = new StatementCache(this.sqlite);
  }

  /** Run several state changes as one transaction: one disk sync instead of one per change. */
  inTransaction(changes: () => void): void {
    this.db.transaction(changes);
  }

  /** Take up to `limit` due deliveries on these channels: queued -> sending, committed before any send. */
  claimDue(channels: Channel[], now: Date, limit: number): ClaimedDelivery[] {
    if (channels.length === 0 || limit <= 0) return [];
    const at = now.toISOString();
    return this.db.transaction(
      () => {
        const rows = this.statements.get(
          `${WITH_CONTENT} JOIN campaigns c ON c.id = d.campaign_id
            WHERE d.status = 'queued' AND d.due_at <= ? AND c.status = 'sending'
              AND d.channel IN (${channels.map(() => '?').join(', ')})
            ORDER BY d.due_at, d.id LIMIT ?`,
        ).all(at, ...channels, limit) as DeliveryWithContent[];
        for (const row of rows) {
          this.move(row.id, ['queued'], 'sending', at, { countAttempt: true });
        }
        const salon = this.salon();
        return rows.map((row) => toClaimed({ ...row, attempts: row.attempts + 1 }, salon));
      },
      { behavior: 'immediate' },
    );
  }

  markAccepted(id: number, provider: string, providerMessageId: string, at: Date): void {
    this.move(id, ['sending', 'unknown'], 'accepted', at.toISOString(), {
      set: { provider, provider_message_id: providerMessageId },
      detail: providerMessageId,
    });
  }

  markFailed(id: number, code: string, message: string, at: Date): void {
    this.move(id, ['sending'], 'failed', at.toISOString(), withError(code, message));
  }

  /** The provider never processed it: back to the queue, due again at `dueAt`. */
  retryLater(id: number, code: string, message: string, dueAt: Date, at: Date): void {
    const change = withError(code, message);
    this.move(id, ['sending', 'unknown'], 'queued', at.toISOString(), {
      ...change,
      set: { ...change.set, due_at: dueAt.toISOString() },
    });
  }

  markUnknown(id: number, message: string, at: Date): void {
    this.move(id, ['sending'], 'unknown', at.toISOString(), { detail: message });
  }

  /** After a crash, a claimed delivery may or may not have reached the provider. */
  markAllSendingUnknown(at: Date): number {
    const ids = this.statements.get(`SELECT id FROM deliveries WHERE status = 'sending'`).pluck().all() as number[];
    this.db.transaction(() => {
      for (const id of ids) this.move(id, ['sending'], 'unknown', at.toISOString(), { detail: 'interrupted while sending' });
    });
    return ids.length;
  }

  unknown(channels: Channel[], limit: number): ClaimedDelivery[] {
    if (channels.length === 0) return [];
    const rows = this.statements.get(
      `${WITH_CONTENT} WHERE d.status = 'unknown' AND d.channel IN (${channels.map(() => '?').join(', ')})
        ORDER BY d.id LIMIT ?`,
    ).all(...channels, limit) as DeliveryWithContent[];
    const salon = this.salon();
    return rows.map((row) => toClaimed(row, salon));
  }

  /** Deliveries of this provider still waiting for a final status, in id order after `afterId`. */
  awaitingStatus(provider: string, afterId: number, limit: number): AwaitingStatus[] {
    return this.statements.get(
      `SELECT id, campaign_id AS campaignId, provider_message_id AS providerMessageId FROM deliveries
        WHERE status IN ('accepted', 'sent') AND provider = ? AND id > ? ORDER BY id LIMIT ?`,
    ).all(provider, afterId, limit) as AwaitingStatus[];
  }

  /** Apply a provider's status report; returns whether anything changed. */
  applyStatus(id: number, report: StatusReport, at: Date): boolean {
    const from: DeliveryStatus[] = report.status === 'sent' ? ['accepted'] : ['accepted', 'sent'];
    const change = report.errorCode ? withError(report.errorCode, report.errorMessage ?? '') : {};
    return this.move(id, from, report.status, at.toISOString(), change);
  }

  /**
   * Keep each running broadcast's status true to its deliveries; returns the ids that changed.
   * scheduled -> sending when a message is due; sending -> scheduled when only later steps wait;
   * sending or scheduled -> completed when every message is final. Paused and cancelled stay.
   */
  refreshCampaignStatuses(now: Date): number[] {
    const at = now.toISOString();
    const due = `EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = campaigns.id AND d.status = 'queued' AND d.due_at <= @at)`;
    const busy = `EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = campaigns.id AND d.${PENDING} AND NOT (d.status = 'queued' AND d.due_at > @at))`;
    const pending = `EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = campaigns.id AND d.${PENDING})`;
    return this.db.transaction(() => [
      ...(this.statements
        .get(`UPDATE campaigns SET status = 'sending' WHERE status = 'scheduled' AND ${due} RETURNING id`)
        .pluck()
        .all({ at }) as number[]),
      ...(this.statements
        .get(`UPDATE campaigns SET status = 'scheduled' WHERE status = 'sending' AND NOT ${busy} AND ${pending} RETURNING id`)
        .pluck()
        .all({ at }) as number[]),
      ...(this.statements
        .get(
          `UPDATE campaigns SET status = 'completed', completed_at = @at
            WHERE status IN ('sending', 'scheduled') AND NOT ${pending} RETURNING id`,
        )
        .pluck()
        .all({ at }) as number[]),
    ]);
  }

  /** Change one delivery's state if it is still in one of `from`, and record the change. */
  private move(id: number, from: DeliveryStatus[], to: DeliveryStatus, at: string, change: Change = {}): boolean {
    const previous = this.statements.get(`SELECT status FROM deliveries WHERE id = ?`).pluck().get(id) as
      | DeliveryStatus
      | undefined;
    if (!previous || !from.includes(previous)) return false;
    const columns = Object.keys(change.set ?? {}) as Column[];
    const assignments = [
      'status = ?',
      'updated_at = ?',
      ...(change.countAttempt ? ['attempts = attempts + 1'] : []),
      ...columns.map((column) => `${column} = ?`),
    ];
    this.statements.get(`UPDATE deliveries SET ${assignments.join(', ')} WHERE id = ? AND status = ?`).run(
      to,
      at,
      ...columns.map((column) => change.set?.[column] ?? null),
      id,
      previous,
    );
    this.statements.get(
      `INSERT INTO delivery_events (delivery_id, from_status, to_status, at, detail) VALUES (?, ?, ?, ?, ?)`,
    ).run(id, previous, to, at, change.detail ?? null);
    return true;
  }

}

function toClaimed(row: DeliveryWithContent, salon: SalonIdentity): ClaimedDelivery {
  return {
    id: row.id,
    campaignId: row.campaignId,
    attempts: row.attempts,
    message: {
      key: String(row.id),
      channel: row.channel,
      to: row.address,
      ...composeMessage(
        row.channel,
        {
          sms: { body: row.smsBody ?? '', optOutLine: row.smsOptOutLine === 1 },
          email: { subject: row.emailSubject ?? '', body: row.emailBody ?? '' },
        },
        { name: row.recipientName, firstName: row.firstName, lastName: row.lastName, customFields: row.customFields },
        salon,
      ),
    },
  };
}

function withError(code: string, message: string): Change {
  return { set: { error_code: code, error_message: message }, detail: `${code}: ${message}` };
}
