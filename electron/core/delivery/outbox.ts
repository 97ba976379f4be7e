import type Database from 'better-sqlite3';
import { FINAL_DELIVERY_STATUSES, type Channel, type DeliveryStatus, type PauseReason } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { StatementCache } from '../../../db/statement-cache';
import { countSmsSegments } from '../../../shared/sms-segments';
import { reachableSql } from '../audience/reachability';
import { CHARGED, PENDING } from '../campaigns/campaigns-repository';
import type { OutgoingMessage, SentMessage, StatusReport } from '../providers/provider';
import { composeMessage, type SalonIdentity } from './compose-message';
import { sentHash } from './sent-hash';
import { statusInSql } from '../tracking/delivery-counts';
import { CAP_COUNTED_STATUSES, CAP_WINDOW_MS } from './frequency-cap';

const CAP_COUNTED = statusInSql('d.status', CAP_COUNTED_STATUSES);

/** A message the provider has not yet taken, or may not have: due, under way, or cut off mid-send. */
const WAITING_ON_PROVIDER = `status IN ('queued', 'sending', 'unknown')`;

/** A delivery taken for sending, with what to send. */
export interface ClaimedDelivery {
  id: number;
  campaignId: number;
  contactId: number | null;
  /** Send attempts so far, including this one. */
  attempts: number;
  /** When it was claimed (ISO): where a lost send's search begins. */
  claimedAt: string;
  message: OutgoingMessage;
}

/** The account a claim is for, and the rules it is claimed under. */
export interface ClaimRequest {
  channels: Channel[];
  providerId: string;
  limit: number;
  /** Messages per rolling 24 hours through this account; null: no cap. */
  dailyCap: number | null;
  /** Per broadcast, in the salon's currency; null: no cap. */
  budgetCap: number | null;
  pricePerSegment: number;
  /** Texts must not reach a phone after this (quiet hours begin). */
  validUntil: Date;
  /** At most this many marketing messages per client in any 7 days; null: no cap. */
  frequencyCap: number | null;
}

export interface ClaimResult {
  claimed: ClaimedDelivery[];
  /** Broadcasts that changed without a send: skipped messages, or paused at the budget cap. */
  changed: number[];
}

/** A delivery cut off mid-send, to be looked up with its provider. */
export interface UnknownDelivery {
  id: number;
  campaignId: number;
  sent: SentMessage;
}

export interface AwaitingStatus {
  id: number;
  campaignId: number;
  providerMessageId: string;
  acceptedAt: string;
}

const DAY_MS = 24 * 60 * 60_000;

/** Each broadcast's spending during one claim, against the budget cap. */
class Budget {
  private readonly spentSoFar = new Map<number, number>();

  constructor(
    private readonly outbox: Outbox,
    private readonly request: ClaimRequest,
  ) {}

  /** Whether `cost` more fits under the cap; counts it when it does. */
  allows(campaignId: number, cost: number): boolean {
    if (this.request.budgetCap === null || cost === 0) return true;
    const spent = this.spentSoFar.get(campaignId) ?? this.outbox.spent(campaignId);
    if (spent + cost > this.request.budgetCap + 1e-9) {
      this.spentSoFar.set(campaignId, Number.POSITIVE_INFINITY);
      return false;
    }
    this.spentSoFar.set(campaignId, spent + cost);
    return true;
  }
}

interface DeliveryWithContent {
  id: number;
  campaignId: number;
  contactId: number | null;
  attempts: number;
  updatedAt: string;
  channel: Channel;
  address: string;
  smsBody: string | null;
  smsOptOutLine: number;
  emailSubject: string | null;
  emailBody: string | null;
  pushTitle: string | null;
  pushBody: string | null;
  pushUrl: string | null;
  p256dh: string | null;
  auth: string | null;
  recipientName: string;
  firstName: string | null;
  lastName: string | null;
  customFields: string;
}

const CONTENT_COLUMNS = `d.id, d.campaign_id AS campaignId, r.contact_id AS contactId, d.attempts, d.updated_at AS updatedAt, d.channel, d.address,
         s.sms_body AS smsBody, s.sms_opt_out_line AS smsOptOutLine, s.email_subject AS emailSubject,
         s.email_body AS emailBody, s.push_title AS pushTitle, s.push_body AS pushBody, s.push_url AS pushUrl,
         ps.p256dh, ps.auth, r.name AS recipientName, r.first_name AS firstName, r.last_name AS lastName,
         r.custom_fields AS customFields`;
const CONTENT_FROM = `FROM deliveries d JOIN campaign_steps s ON s.id = d.step_id JOIN campaign_recipients r ON r.id = d.recipient_id
    LEFT JOIN push_subscriptions ps ON d.channel = 'push' AND ps.endpoint = d.address`;

/** Whether the delivery's client may still get it: consent and an address now, not only at launch. */
const STILL_REACHABLE = `COALESCE(CASE d.channel
    WHEN 'sms' THEN ${reachableSql('sms')} AND contacts.phone = d.address
    WHEN 'email' THEN ${reachableSql('email')}
    WHEN 'push' THEN contacts.push_consent = 'granted' AND ps.id IS NOT NULL END, 0)`;

const NOT_REACHABLE_MESSAGE = 'Not sent: the client opted out or lost this address after the broadcast was launched.';
const REACHABLE_NOW = `SELECT ${STILL_REACHABLE} FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id
    LEFT JOIN contacts ON contacts.id = r.contact_id LEFT JOIN push_subscriptions ps ON d.channel = 'push' AND ps.endpoint = d.address
    WHERE d.id = ?`;

/** Columns a state change may also set, besides status and updated_at. */
type Column =
  | 'provider'
  | 'provider_message_id'
  | 'error_code'
  | 'error_message'
  | 'due_at'
  | 'segments'
  | 'cost_estimate'
  | 'price'
  | 'price_unit'
  | 'accepted_at'
  | 'claimed_at'
  | 'sent_hash'
  | 'final_at';
interface Change {
  set?: Partial<Record<Column, string | number | null>>;
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

  /**
   * Take due deliveries for one account: queued -> sending, committed before any send. Inside the same
   * transaction each is checked again: a client who opted out or lost the address since launch is
   * skipped; the account's daily cap and each broadcast's budget cap stop the claim where they are
   * reached (the broadcast is paused at its budget cap, for the owner to decide).
   */
  claimDue(request: ClaimRequest, now: Date): ClaimResult {
    const { channels } = request;
    if (channels.length === 0 || request.limit <= 0) return { claimed: [], changed: [] };
    const at = now.toISOString();
    return this.db.transaction(
      () => {
        const limit = Math.min(request.limit, this.dailyRoom(request, now));
        if (limit <= 0) return { claimed: [], changed: [] };
        const rows = this.statements.get(
          `SELECT ${CONTENT_COLUMNS}, ${STILL_REACHABLE} AS reachable, d.step_id AS stepId, c.cap_exempt AS capExempt ${CONTENT_FROM}
             JOIN campaigns c ON c.id = d.campaign_id LEFT JOIN contacts ON contacts.id = r.contact_id
            WHERE d.status = 'queued' AND d.due_at <= ? AND c.status = 'sending' AND s.missed_at IS NULL
              AND d.channel IN (${channels.map(() => '?').join(', ')})
            ORDER BY d.due_at, d.id LIMIT ?`,
        ).all(at, ...channels, limit) as Array<DeliveryWithContent & { reachable: number; stepId: number; capExempt: number }>;
        const capSince = new Date(now.getTime() - CAP_WINDOW_MS).toISOString();
        const salon = this.salon();
        const budget = new Budget(this, request);
        const claimed: ClaimedDelivery[] = [];
        const changed = new Set<number>();
        for (const row of rows) {
          if (!row.reachable) {
            this.move(row.id, ['queued'], 'skipped', at, withError('not_reachable', NOT_REACHABLE_MESSAGE));
            changed.add(row.campaignId);
            continue;
          }
          if (request.frequencyCap !== null && !row.capExempt && row.contactId !== null && this.recentMessages(row, capSince) >= request.frequencyCap) {
            const message = `Not sent: this client already got ${request.frequencyCap} messages in the last 7 days (frequency cap).`;
            this.move(row.id, ['queued'], 'skipped', at, withError('frequency_cap', message));
            changed.add(row.campaignId);
            continue;
          }
          const composed = compose(row, salon, at);
          if (!composed.ok) {
            // One message that cannot be written fails alone, with its reason; the rest go on.
            this.move(row.id, ['queued'], 'failed', at, withError('not_composed', composed.reason));
            changed.add(row.campaignId);
            continue;
          }
          const { delivery } = composed;
          const segments = delivery.message.channel === 'sms' ? countSmsSegments(delivery.message.body).segments : null;
          const cost = segments === null ? null : segments * request.pricePerSegment;
          if (!budget.allows(row.campaignId, cost ?? 0)) {
            if (this.pauseCampaign(row.campaignId, 'budget', at)) changed.add(row.campaignId);
            continue;
          }
          this.move(row.id, ['queued'], 'sending', at, {
            countAttempt: true,
            set: {
              provider: request.providerId,
              claimed_at: at,
              sent_hash: sentHash(delivery.message.body),
              ...(segments !== null && { segments, cost_estimate: cost ?? 0 }),
            },
          });
          if (delivery.message.channel === 'sms') delivery.message.validUntil = request.validUntil;
          claimed.push(delivery);
        }
        this.markStepsStarted(claimed.map((delivery) => delivery.id), at);
        return { claimed, changed: [...changed] };
      },
      { behavior: 'immediate' },
    );
  }

  /**
   * The marketing messages (a broadcast's day, in any of its channels) the client was sent since
   * `since`, other than this delivery's own day: its text and its email are one message. Called
   * inside the claim, so messages claimed earlier in the same batch count.
   */
  private recentMessages(row: { contactId: number | null; campaignId: number; stepId: number }, since: string): number {
    return this.statements
      .get(
        `SELECT COUNT(DISTINCT d.step_id) FROM campaign_recipients r JOIN deliveries d ON d.recipient_id = r.id
           JOIN campaigns c ON c.id = d.campaign_id
          WHERE r.contact_id = ? AND d.claimed_at >= ? AND ${CAP_COUNTED} AND c.cap_exempt = 0 AND d.step_id <> ?`,
      )
      .pluck()
      .get(row.contactId, since, row.stepId) as number;
  }

  /** Whether any broadcast is sending (it has messages due or under way). */
  anySending(): boolean {
    return this.statements.get(`SELECT 1 FROM campaigns WHERE status = 'sending' LIMIT 1`).pluck().get() !== undefined;
  }

  /** What a broadcast has cost so far: the provider's price where known, else the estimate. */
  spent(campaignId: number): number {
    return this.statements
      .get(`SELECT COALESCE(SUM(COALESCE(price, cost_estimate)), 0) FROM deliveries WHERE campaign_id = ? AND ${CHARGED}`)
      .pluck()
      .get(campaignId) as number;
  }

  /** Pause a sending broadcast for a reason other than the owner; returns whether it changed. */
  pauseCampaign(campaignId: number, reason: PauseReason, at: string): boolean {
    return (
      this.statements
        .get(`UPDATE campaigns SET status = 'paused', paused_reason = ?, updated_at = ? WHERE id = ? AND status IN ('sending', 'scheduled')`)
        .run(reason, at, campaignId).changes === 1
    );
  }

  /**
   * Pause every broadcast with messages on these channels not yet taken by the provider (the provider
   * stopped answering): queued ones, and those cut off mid-send that may be queued again.
   */
  pauseWaitingOn(channels: Channel[], reason: PauseReason, at: Date): number[] {
    return this.statements
      .get(
        `UPDATE campaigns SET status = 'paused', paused_reason = ?, updated_at = ?
          WHERE status IN ('sending', 'scheduled') AND EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = campaigns.id
            AND d.${WAITING_ON_PROVIDER} AND d.channel IN (${channels.map(() => '?').join(', ')}))
          RETURNING id`,
      )
      .pluck()
      .all(reason, at.toISOString(), ...channels) as number[];
  }

  /** Resume the broadcasts paused for `reason` (never those the owner paused). */
  resumePaused(reason: PauseReason, at: Date): number[] {
    return this.statements
      .get(`UPDATE campaigns SET status = 'sending', paused_reason = NULL, updated_at = ? WHERE status = 'paused' AND paused_reason = ? RETURNING id`)
      .pluck()
      .all(at.toISOString(), reason) as number[];
  }

  /**
   * Quiet hours: what is due now waits until the window opens again (never dropped). Only broadcasts
   * that are sending are moved; the owner sees the new time.
   */
  deferDue(channels: Channel[], now: Date, until: Date): number[] {
    return this.statements
      .get(
        `UPDATE deliveries SET due_at = ?, updated_at = ? WHERE status = 'queued' AND due_at <= ?
            AND channel IN (${channels.map(() => '?').join(', ')})
            AND campaign_id IN (SELECT id FROM campaigns WHERE status = 'sending')
          RETURNING campaign_id`,
      )
      .pluck()
      .all(until.toISOString(), now.toISOString(), now.toISOString(), ...channels) as number[];
  }

  /** How many more messages the account's daily cap allows now (rolling 24 hours). */
  private dailyRoom({ dailyCap, providerId }: ClaimRequest, now: Date): number {
    if (dailyCap === null) return Number.POSITIVE_INFINITY;
    const since = new Date(now.getTime() - DAY_MS).toISOString();
    const used = this.statements
      .get(
        `SELECT (SELECT COUNT(*) FROM deliveries WHERE provider = @providerId AND accepted_at >= @since)
              + (SELECT COUNT(*) FROM deliveries WHERE provider = @providerId AND status IN ('sending', 'unknown'))`,
      )
      .pluck()
      .get({ providerId, since }) as number;
    return dailyCap - used;
  }

  private markStepsStarted(deliveryIds: number[], at: string): void {
    if (deliveryIds.length === 0) return;
    this.statements
      .get(
        `UPDATE campaign_steps SET started_at = ? WHERE started_at IS NULL
           AND id IN (SELECT DISTINCT step_id FROM deliveries WHERE id IN (SELECT value FROM json_each(?)))`,
      )
      .run(at, JSON.stringify(deliveryIds));
  }

  /** The provider took it; an error left by an earlier try (a 429, a lost answer) no longer applies. */
  markAccepted(id: number, provider: string, providerMessageId: string, at: Date): void {
    this.move(id, ['sending', 'unknown'], 'accepted', at.toISOString(), {
      set: { provider, provider_message_id: providerMessageId, accepted_at: at.toISOString(), error_code: null, error_message: null },
      detail: providerMessageId,
    });
  }

  /**
   * A look-up found the provider's copy of a message cut off mid-send: it becomes this delivery's,
   * unless another delivery owns it already (checked in the same transaction). Returns whether adopted.
   */
  adopt(id: number, provider: string, providerMessageId: string, at: Date): boolean {
    return this.db.transaction(() => {
      if (this.ownsProviderId(provider, providerMessageId)) return false;
      this.markAccepted(id, provider, providerMessageId, at);
      return true;
    });
  }

  /**
   * Just before the provider is called: a client who opted out (a STOP that arrived after the claim)
   * or lost the address is skipped after all. Returns whether it was skipped.
   */
  skipIfUnreachable(id: number, at: Date): boolean {
    if (this.statements.get(REACHABLE_NOW).pluck().get(id) === 1) return false;
    return this.move(id, ['sending'], 'skipped', at.toISOString(), withError('not_reachable', NOT_REACHABLE_MESSAGE));
  }

  markFailed(id: number, code: string, message: string, at: Date): void {
    this.move(id, ['sending'], 'failed', at.toISOString(), withError(code, message));
  }

  /** The owner chose to send again a message whose fate is unknown. */
  resendUnknown(id: number, at: Date): boolean {
    return this.move(id, ['unknown'], 'queued', at.toISOString(), {
      set: { due_at: at.toISOString() },
      detail: 'the owner chose to send it again',
    });
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

  /**
   * Hold steps that came due more than `graceMs` ago without starting (the app was closed or the
   * computer asleep): they wait as "missed" for the owner to send now or skip. Returns their broadcasts.
   */
  holdMissedSteps(now: Date, graceMs: number): number[] {
    return this.statements
      .get(
        `UPDATE campaign_steps SET missed_at = @now WHERE missed_at IS NULL AND started_at IS NULL
            AND campaign_id IN (SELECT id FROM campaigns WHERE status IN ('scheduled', 'sending') AND automation_id IS NULL)
            AND EXISTS (SELECT 1 FROM deliveries d WHERE d.step_id = campaign_steps.id AND d.status = 'queued' AND d.due_at < @cutoff)
          RETURNING campaign_id`,
      )
      .pluck()
      .all({ now: now.toISOString(), cutoff: new Date(now.getTime() - graceMs).toISOString() }) as number[];
  }

  /**
   * Birthday messages still waiting (the app was closed, quiet hours) whose birthday has passed are
   * skipped with that reason: a late birthday message goes only while the birthday is still to come.
   * An automation's run is never held as a missed step (see holdMissedSteps); this is its late rule.
   */
  skipPassedBirthdays(today: string, now: Date): number[] {
    const at = now.toISOString();
    const late = this.statements
      .get(
        `SELECT d.id, d.campaign_id AS campaignId FROM deliveries d JOIN campaigns c ON c.id = d.campaign_id
           JOIN automations a ON a.id = c.automation_id AND a.kind = 'birthday'
           JOIN campaign_recipients r ON r.id = d.recipient_id
           JOIN automation_enrolments e ON e.campaign_id = c.id AND e.contact_id = r.contact_id
           JOIN contacts ON contacts.id = r.contact_id
          WHERE d.status = 'queued' AND e.occasion || printf('-%02d-%02d', contacts.birth_month, contacts.birth_day) < ?`,
      )
      .all(today) as Array<{ id: number; campaignId: number }>;
    if (late.length === 0) return [];
    return this.db.transaction(() => {
      for (const { id } of late) this.move(id, ['queued'], 'skipped', at, withError('birthday_passed', 'Not sent: the birthday passed before it could be sent.'));
      return [...new Set(late.map((row) => row.campaignId))];
    });
  }

  /** The owner's answer to a missed step: send it now, or skip its messages. Returns whether the step was missed. */
  releaseMissedStep(stepId: number, decision: 'send' | 'skip', now: Date): boolean {
    const at = now.toISOString();
    return this.db.transaction(() => {
      const released = this.statements
        .get(`UPDATE campaign_steps SET missed_at = NULL, started_at = ? WHERE id = ? AND missed_at IS NOT NULL`)
        .run(decision === 'send' ? at : null, stepId).changes;
      if (released === 0) return false;
      const waiting = this.statements.get(`SELECT id FROM deliveries WHERE step_id = ? AND status = 'queued'`).pluck().all(stepId) as number[];
      for (const id of waiting) {
        if (decision === 'send') this.move(id, ['queued'], 'queued', at, { set: { due_at: at }, detail: 'missed step sent by the owner' });
        else this.move(id, ['queued'], 'skipped', at, withError('step_skipped', 'Not sent: the owner skipped this missed day.'));
      }
      return true;
    });
  }

  /** Whether another delivery already owns this provider message id (a look-up must not adopt it twice). */
  ownsProviderId(provider: string, providerMessageId: string): boolean {
    return (
      this.statements
        .get(`SELECT 1 FROM deliveries WHERE provider = ? AND provider_message_id = ?`)
        .pluck()
        .get(provider, providerMessageId) !== undefined
    );
  }

  /** The provider could not be asked about an unknown delivery: ask again at `nextCheckAt`. */
  noteChecked(id: number, nextCheckAt: Date): void {
    this.statements.get(`UPDATE deliveries SET updated_at = ? WHERE id = ? AND status = 'unknown'`).run(nextCheckAt.toISOString(), id);
  }

  /** After a crash, a claimed delivery may or may not have reached the provider. */
  markAllSendingUnknown(at: Date): number {
    const ids = this.statements.get(`SELECT id FROM deliveries WHERE status = 'sending'`).pluck().all() as number[];
    this.db.transaction(() => {
      for (const id of ids) this.move(id, ['sending'], 'unknown', at.toISOString(), { detail: 'interrupted while sending' });
    });
    return ids.length;
  }

  /** Unknown deliveries due for a look-up at `now` (ISO; a look-up that could not tell puts the next one later). */
  unknown(channels: Channel[], limit: number, now: string): UnknownDelivery[] {
    if (channels.length === 0) return [];
    const rows = this.statements.get(
      `SELECT id, campaign_id AS campaignId, address, claimed_at AS claimedAt, sent_hash AS bodyHash, updated_at AS updatedAt FROM deliveries
        WHERE status = 'unknown' AND channel IN (${channels.map(() => '?').join(', ')}) AND updated_at <= ?
        ORDER BY updated_at, id LIMIT ?`,
    ).all(...channels, now, limit) as Array<{ id: number; campaignId: number; address: string; claimedAt: string | null; bodyHash: string | null; updatedAt: string }>;
    return rows.map((row) => ({
      id: row.id,
      campaignId: row.campaignId,
      // Claimed before claims were recorded: the last change is the closest time there is.
      sent: { key: String(row.id), to: row.address, bodyHash: row.bodyHash ?? '', claimedAt: row.claimedAt ?? row.updatedAt },
    }));
  }

  /** Deliveries of this provider still waiting for a final status, accepted after `since`, in id order after `afterId`. */
  awaitingStatus(provider: string, since: string, afterId: number, limit: number): AwaitingStatus[] {
    return this.statements.get(
      `SELECT id, campaign_id AS campaignId, provider_message_id AS providerMessageId, accepted_at AS acceptedAt FROM deliveries
        WHERE status IN ('accepted', 'sent') AND provider = ? AND accepted_at >= ? AND id > ? ORDER BY id LIMIT ?`,
    ).all(provider, since, afterId, limit) as AwaitingStatus[];
  }

  /** The oldest and newest acceptance among this provider's deliveries still waiting for a status since `since`. */
  awaitingSpan(provider: string, since: string): { oldest: string; newest: string } | undefined {
    const row = this.statements
      .get(
        `SELECT MIN(accepted_at) AS oldest, MAX(accepted_at) AS newest FROM deliveries
          WHERE status IN ('accepted', 'sent') AND provider = ? AND accepted_at >= ?`,
      )
      .get(provider, since) as { oldest: string | null; newest: string | null };
    return row.oldest && row.newest ? { oldest: row.oldest, newest: row.newest } : undefined;
  }

  /**
   * Texts the provider took but never reported on, accepted before `cutoff`: no news will come any
   * more, so they end as "sent, no report" and their broadcast can finish. Returns their broadcasts.
   */
  endFollowing(provider: string, cutoff: Date, at: Date): number[] {
    const stale = this.statements
      .get(`SELECT id, campaign_id AS campaignId FROM deliveries WHERE status IN ('accepted', 'sent') AND provider = ? AND accepted_at < ?`)
      .all(provider, cutoff.toISOString()) as Array<{ id: number; campaignId: number }>;
    const detail = 'no delivery report within 72 hours';
    this.inTransaction(() => {
      for (const { id } of stale) this.move(id, ['accepted', 'sent'], 'no_report', at.toISOString(), { detail });
    });
    return [...new Set(stale.map((delivery) => delivery.campaignId))];
  }

  /** Apply a provider's status report to the delivery it names; returns its broadcast when anything changed. */
  applyStatus(report: StatusReport, provider: string, at: Date): number | undefined {
    const delivery = this.statements
      .get(`SELECT id, campaign_id AS campaignId FROM deliveries WHERE provider_message_id = ? AND provider = ?`)
      .get(report.providerMessageId, provider) as { id: number; campaignId: number } | undefined;
    if (!delivery) return undefined;
    const from: DeliveryStatus[] = report.status === 'sent' ? ['accepted'] : ['accepted', 'sent'];
    const error = report.errorCode ? withError(report.errorCode, report.errorMessage ?? '') : {};
    const price = report.price !== undefined ? { price: report.price, price_unit: report.priceUnit ?? '' } : {};
    const moved = this.move(delivery.id, from, report.status, at.toISOString(), { ...error, set: { ...error.set, ...price } });
    if (!moved && report.price !== undefined) {
      // A price reported after the final status still becomes the delivery's actual cost.
      this.statements.get(`UPDATE deliveries SET price = ?, price_unit = ? WHERE id = ? AND price IS NULL`).run(report.price, report.priceUnit ?? '', delivery.id);
    }
    return moved ? delivery.campaignId : undefined;
  }

  /**
   * Keep each running broadcast's status true to its deliveries; returns the ids that changed.
   * scheduled -> sending when a message is due; sending -> scheduled when only later steps wait;
   * sending or scheduled -> completed when every message is final; paused for the provider -> sending
   * once none of its messages waits on a provider any more (the look-ups settled them all), since
   * nothing is then left for the circuit's wait to protect. Paused by the owner or the budget, and
   * cancelled, stay.
   */
  refreshCampaignStatuses(now: Date): number[] {
    const at = now.toISOString();
    const waiting = `EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = campaigns.id AND d.${WAITING_ON_PROVIDER})`;
    const due = `EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = campaigns.id AND d.status = 'queued' AND d.due_at <= @at)`;
    const busy = `EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = campaigns.id AND d.${PENDING} AND NOT (d.status = 'queued' AND d.due_at > @at))`;
    const pending = `EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = campaigns.id AND d.${PENDING})`;
    return this.db.transaction(() => [
      ...(this.statements
        .get(`UPDATE campaigns SET status = 'sending', paused_reason = NULL WHERE status = 'paused' AND paused_reason = 'provider' AND NOT ${waiting} RETURNING id`)
        .pluck()
        .all() as number[]),
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

  /**
   * Change one delivery's state if it is still in one of `from`, and record the change: both or
   * neither, so a crash can never keep a new status without its history entry.
   */
  private move(id: number, from: DeliveryStatus[], to: DeliveryStatus, at: string, change: Change = {}): boolean {
    const apply = (): boolean => {
      const previous = this.statements.get(`SELECT status FROM deliveries WHERE id = ?`).pluck().get(id) as DeliveryStatus | undefined;
      if (!previous || !from.includes(previous)) return false;
      const set = FINAL_DELIVERY_STATUSES.includes(to) ? { ...change.set, final_at: at } : change.set;
      const columns = Object.keys(set ?? {}) as Column[];
      const assignments = [
        'status = ?',
        'updated_at = ?',
        ...(change.countAttempt ? ['attempts = attempts + 1'] : []),
        ...columns.map((column) => `${column} = ?`),
      ];
      this.statements.get(`UPDATE deliveries SET ${assignments.join(', ')} WHERE id = ? AND status = ?`).run(
        to,
        at,
        ...columns.map((column) => set?.[column] ?? null),
        id,
        previous,
      );
      this.statements.get(
        `INSERT INTO delivery_events (delivery_id, from_status, to_status, at, detail) VALUES (?, ?, ?, ?, ?)`,
      ).run(id, previous, to, at, change.detail ?? null);
      return true;
    };
    // Most changes come in batches already inside a transaction; a lone one gets its own.
    return this.sqlite.inTransaction ? apply() : this.sqlite.transaction(apply)();
  }

}

/** The delivery claimed now with its message written for its client, or why that cannot be done. */
function compose(row: DeliveryWithContent, salon: SalonIdentity, claimedAt: string): { ok: true; delivery: ClaimedDelivery } | { ok: false; reason: string } {
  try {
    return { ok: true, delivery: toClaimed({ ...row, attempts: row.attempts + 1, updatedAt: claimedAt }, salon) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `Not sent: the message could not be written for this client (${why}).` };
  }
}

function toClaimed(row: DeliveryWithContent, salon: SalonIdentity): ClaimedDelivery {
  const { url, ...content } = composeMessage(
    row.channel,
    {
      sms: { body: row.smsBody ?? '', optOutLine: row.smsOptOutLine === 1 },
      email: { subject: row.emailSubject ?? '', body: row.emailBody ?? '' },
      push: { title: row.pushTitle ?? '', body: row.pushBody ?? '', url: row.pushUrl ?? '' },
    },
    { name: row.recipientName, firstName: row.firstName, lastName: row.lastName, customFields: row.customFields },
    salon,
  );
  return {
    id: row.id,
    campaignId: row.campaignId,
    contactId: row.contactId,
    attempts: row.attempts,
    claimedAt: row.updatedAt,
    message: {
      key: String(row.id),
      channel: row.channel,
      to: row.address,
      ...content,
      ...(row.channel === 'push' && { push: { p256dh: row.p256dh ?? '', auth: row.auth ?? '', url: url ?? '' } }),
    },
  };
}

function withError(code: string, message: string): Change {
  return { set: { error_code: code, error_message: message }, detail: `${code}: ${message}` };
}
