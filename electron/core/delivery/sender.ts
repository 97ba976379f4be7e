import { sendingWindow } from '../../../shared/schedule';
import type { Clock } from '../clock';
import type { ContactsRepository } from '../contacts/contacts-repository';
import type { Logger } from '../log';
import type { SendOutcome } from '../providers/provider';
import type { SettingsRepository } from '../settings/settings-repository';
import { AccountThrottle } from './account-throttle';
import { retryDelayMs } from './backoff';
import { CircuitBreaker } from './circuit-breaker';
import type { ClaimedDelivery, Outbox } from './outbox';
import type { Route } from './routes';

/**
 * How many sends per provider may be claimed ahead of the limiter: two seconds' worth, at most a
 * thousand. Half of them gone, more are claimed at once, so a fast provider never waits for the next
 * tick and the messages held in memory stay few however large the broadcast.
 */
const CLAIM_AHEAD_SECONDS = 2;
const CLAIM_AHEAD_MAX = 1_000;
/** Provider answers are written in batches: at this many, or after this long, whichever comes first. */
const RECORD_BATCH = 500;
const RECORD_AFTER_MS = 50;
/** Answers that could not be written (the database busy or locked) are tried again after this. */
const RECORD_RETRY_MS = 1_000;

/** What came of a send: the provider's answer, or held back before the provider was called. */
type Outcome = SendOutcome | { kind: 'held_back'; message: string };

interface Answer {
  route: Route;
  claimed: ClaimedDelivery;
  outcome: Outcome;
}

export interface SenderParts {
  outbox: Outbox;
  routes: () => Route[];
  settings: SettingsRepository;
  contacts: ContactsRepository;
  clock: Clock;
  log: Logger;
  onChange: (campaignId: number) => void;
}

/**
 * Claims due deliveries and hands them to their provider through its rate limiter. A claim is
 * committed (status sending) before the provider is called, so a crash leaves a trace, not a doubt.
 * Answers are recorded in small batches; one lost in a crash leaves its delivery at sending, which
 * the next start settles with the provider like any interrupted send.
 */
export class Sender {
  private readonly inFlight = new Map<string, Set<Promise<void>>>();
  private readonly answers: Answer[] = [];
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly throttles = new Map<string, AccountThrottle>();
  private recordTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly parts: SenderParts) {}

  /** Claim what each provider can take now and start sending it; does not wait for the sends. */
  sendDue(): void {
    const { outbox, settings, clock, onChange } = this.parts;
    const now = clock.now();
    const current = settings.get();
    const window = sendingWindow(now, current.timeZone, current.quietHours);
    for (const route of this.parts.routes()) {
      if (!window.open) {
        // Quiet hours: what is due waits for the morning instead of going out at night.
        for (const id of new Set(outbox.deferDue(route.channels, now, window.opensAt))) onChange(id);
        continue;
      }
      const breaker = this.breakerFor(route);
      const throttle = this.throttleFor(route);
      if (!breaker.allowsSending(now) || throttle.isHolding(now.getTime())) continue;
      const running = this.running(route.provider.id);
      const { groupSize } = route.limiter;
      const probing = breaker.isProbing() || throttle.probeDue(now.getTime());
      const room = probing ? 1 - running.size : claimAhead(route) - running.size * groupSize;
      const { claimed, changed } = outbox.claimDue(
        {
          channels: route.channels,
          providerId: route.provider.id,
          limit: room,
          dailyCap: route.dailyCap,
          budgetCap: current.budgetCap,
          frequencyCap: current.frequencyCap,
          pricePerSegment: current.smsPricePerSegment,
          validUntil: window.closesAt,
        },
        now,
      );
      for (const id of changed) onChange(id);
      for (const delivery of claimed) onChange(delivery.campaignId);
      for (let start = 0; start < claimed.length; start += groupSize) {
        const group = claimed.slice(start, start + groupSize);
        const sending = route.limiter
          .schedule(group.length, () => Promise.all(group.map((delivery) => this.send(route, delivery))))
          .then(() => undefined)
          .finally(() => {
            running.delete(sending);
            this.refillWhenLow(route);
          });
        running.add(sending);
      }
    }
  }

  /** Resume broadcasts a circuit paused once its wait is over, to probe the provider again. */
  resumeAfterOutage(): void {
    const now = this.parts.clock.now();
    const due = [...this.breakers.values()].some((breaker) => breaker.readyToProbe(now));
    if (!due) return;
    for (const id of this.parts.outbox.resumePaused('provider', now)) this.parts.onChange(id);
  }

  /** Claim nothing more, wait for every send already started, and record its answer. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inFlight.values()].flatMap((set) => [...set]));
    this.recordAnswers();
  }

  /** Once half of what was claimed ahead for this provider is sent, claim more without waiting for the tick. */
  private refillWhenLow(route: Route): void {
    if (this.stopped || this.parts.settings.isPaused()) return;
    if (this.running(route.provider.id).size * route.limiter.groupSize > claimAhead(route) / 2) return;
    try {
      this.sendDue();
    } catch (error) {
      // The next tick claims again; a failed claim here must not become an unhandled rejection.
      this.parts.log.error('claiming more sends failed', { error: error instanceof Error ? error.stack : String(error) });
    }
  }

  private async send(route: Route, claimed: ClaimedDelivery): Promise<void> {
    const outcome = await this.attempt(route, claimed);
    if (!outcome) return;
    this.answers.push({ route, claimed, outcome });
    if (this.answers.length >= RECORD_BATCH) this.recordAnswers();
    else this.recordTimer ??= setTimeout(() => this.recordAnswers(), RECORD_AFTER_MS);
  }

  /** Hand one claimed delivery to its provider, once the account may take it; undefined when it was skipped. */
  private async attempt(route: Route, claimed: ClaimedDelivery): Promise<Outcome | undefined> {
    const { outbox, clock, log, onChange } = this.parts;
    try {
      // A STOP that arrived since the claim still wins: checked again as the send starts.
      if (outbox.skipIfUnreachable(claimed.id, clock.now())) {
        onChange(claimed.campaignId);
        return undefined;
      }
    } catch (error) {
      log.warn('checking a client before sending failed', { delivery: claimed.id, error: error instanceof Error ? error.message : String(error) });
      return { kind: 'held_back', message: 'It could not be checked just before sending; it goes again shortly.' };
    }
    const throttle = this.throttleFor(route);
    if (!throttle.admit(clock.now().getTime())) {
      return { kind: 'held_back', message: 'The provider asked to slow down; it goes as soon as the provider allows.' };
    }
    let outcome: SendOutcome;
    try {
      outcome = await route.provider.send(claimed.message);
    } catch (error) {
      log.warn('send threw', { delivery: claimed.id, error: error instanceof Error ? error.message : String(error) });
      outcome = { kind: 'ambiguous', message: 'The provider did not answer clearly; checking before any resend.' };
    }
    throttle.record(outcome, clock.now().getTime());
    return outcome;
  }

  /** Write the answers gathered so far; if the database refuses (busy, locked), keep them and try again soon. */
  private recordAnswers(): void {
    clearTimeout(this.recordTimer);
    this.recordTimer = undefined;
    const batch = this.answers.splice(0);
    if (batch.length === 0) return;
    try {
      this.recordBatch(batch);
    } catch (error) {
      this.answers.unshift(...batch);
      this.parts.log.warn('recording provider answers failed; trying again', { error: error instanceof Error ? error.message : String(error) });
      this.recordTimer = setTimeout(() => this.recordAnswers(), RECORD_RETRY_MS);
    }
  }

  private recordBatch(batch: Answer[]): void {
    const { outbox, clock, onChange } = this.parts;
    const at = clock.now();
    const paused: number[] = [];
    outbox.inTransaction(() => {
      for (const answer of batch) {
        this.record(answer, at);
        if (answer.outcome.kind !== 'held_back' && this.breakerFor(answer.route).record(answer.outcome, at)) {
          paused.push(...outbox.pauseWaitingOn(answer.route.channels, 'provider', at));
          this.parts.log.warn('provider keeps failing; broadcasts paused', { provider: answer.route.provider.id });
        }
      }
    });
    for (const { claimed } of batch) onChange(claimed.campaignId);
    for (const id of paused) onChange(id);
  }

  private record({ route, claimed, outcome }: Answer, at: Date): void {
    const { outbox, contacts } = this.parts;
    switch (outcome.kind) {
      case 'accepted':
        return outbox.markAccepted(claimed.id, route.provider.id, outcome.providerMessageId, at);
      case 'rejected':
        if (outcome.optedOut && claimed.contactId !== null) {
          contacts.setConsent(claimed.contactId, 'sms', 'opted_out', `Twilio ${outcome.code}: opted out by replying STOP`, at);
        }
        return outbox.markFailed(claimed.id, outcome.code, outcome.message, at);
      case 'retry': {
        const dueAt = new Date(at.getTime() + retryDelayMs(claimed.attempts, outcome.retryAfterMs));
        return outbox.retryLater(claimed.id, outcome.code, outcome.message, dueAt, at);
      }
      case 'ambiguous':
        return outbox.markUnknown(claimed.id, outcome.message, at);
      case 'held_back':
        return outbox.retryLater(claimed.id, 'not_sent', outcome.message, at, at);
    }
  }

  private breakerFor(route: Route): CircuitBreaker {
    return perAccount(this.breakers, route.provider.id, () => new CircuitBreaker());
  }

  private throttleFor(route: Route): AccountThrottle {
    return perAccount(this.throttles, route.provider.id, () => new AccountThrottle());
  }

  /** Groups of sends in flight for this provider. */
  private running(providerId: string): Set<Promise<void>> {
    return perAccount(this.inFlight, providerId, () => new Set());
  }
}

/** The account's entry in `map`, made on first use. */
function perAccount<T>(map: Map<string, T>, providerId: string, make: () => T): T {
  let value = map.get(providerId);
  if (value === undefined) {
    value = make();
    map.set(providerId, value);
  }
  return value;
}

function claimAhead(route: Route): number {
  return Math.min(CLAIM_AHEAD_MAX, Math.ceil(route.perSecond * CLAIM_AHEAD_SECONDS));
}
