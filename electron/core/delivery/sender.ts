import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { SendOutcome } from '../providers/provider';
import { retryDelayMs } from './backoff';
import type { ClaimedDelivery, Outbox } from './outbox';
import type { Route } from './routes';

/** How many sends per provider may be claimed ahead of the limiter: two seconds' worth. */
const CLAIM_AHEAD_SECONDS = 2;
/**
 * Sends are handed to the limiter in groups (a tenth of a second's worth, at most 100), because
 * the limiter costs about a millisecond per job: one job per message would cap sending far below
 * what a fast provider accepts.
 */
const MAX_GROUP = 100;
/** Provider answers are written in batches: at this many, or after this long, whichever comes first. */
const RECORD_BATCH = 500;
const RECORD_AFTER_MS = 50;

interface Answer {
  route: Route;
  claimed: ClaimedDelivery;
  outcome: SendOutcome;
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
  private recordTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly outbox: Outbox,
    private readonly routes: Route[],
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly onChange: (campaignId: number) => void,
  ) {}

  /** Claim what each provider can take now and start sending it; does not wait for the sends. */
  sendDue(): void {
    for (const route of this.routes) {
      const running = this.running(route.provider.id);
      const { ratePerSecond } = route.provider;
      const room = ratePerSecond * CLAIM_AHEAD_SECONDS - running.size * groupSize(ratePerSecond);
      const claimed = this.outbox.claimDue(route.channels, this.clock.now(), room);
      for (const delivery of claimed) this.onChange(delivery.campaignId);
      for (let start = 0; start < claimed.length; start += groupSize(ratePerSecond)) {
        const group = claimed.slice(start, start + groupSize(ratePerSecond));
        const sending = route.limiter
          .schedule(group.length, () => Promise.all(group.map((delivery) => this.send(route, delivery))))
          .then(() => undefined)
          .finally(() => running.delete(sending));
        running.add(sending);
      }
    }
  }

  /** Wait for every send already started, and record its answer. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()].flatMap((set) => [...set]));
    this.recordAnswers();
  }

  private async send(route: Route, claimed: ClaimedDelivery): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await route.provider.send(claimed.message);
    } catch (error) {
      this.log.warn('send threw', { delivery: claimed.id, error: error instanceof Error ? error.message : String(error) });
      outcome = { kind: 'ambiguous', message: 'The provider did not answer clearly; checking before any resend.' };
    }
    this.answers.push({ route, claimed, outcome });
    if (this.answers.length >= RECORD_BATCH) this.recordAnswers();
    else this.recordTimer ??= setTimeout(() => this.recordAnswers(), RECORD_AFTER_MS);
  }

  private recordAnswers(): void {
    clearTimeout(this.recordTimer);
    this.recordTimer = undefined;
    const batch = this.answers.splice(0);
    if (batch.length === 0) return;
    const at = this.clock.now();
    this.outbox.inTransaction(() => {
      for (const answer of batch) this.record(answer, at);
    });
    for (const { claimed } of batch) this.onChange(claimed.campaignId);
  }

  private record({ route, claimed, outcome }: Answer, at: Date): void {
    switch (outcome.kind) {
      case 'accepted':
        return this.outbox.markAccepted(claimed.id, route.provider.id, outcome.providerMessageId, at);
      case 'rejected':
        return this.outbox.markFailed(claimed.id, outcome.code, outcome.message, at);
      case 'retry': {
        const dueAt = new Date(at.getTime() + retryDelayMs(claimed.attempts, outcome.retryAfterMs));
        return this.outbox.retryLater(claimed.id, outcome.code, outcome.message, dueAt, at);
      }
      case 'ambiguous':
        return this.outbox.markUnknown(claimed.id, outcome.message, at);
    }
  }

  /** Groups of sends in flight for this provider. */
  private running(providerId: string): Set<Promise<void>> {
    let set = this.inFlight.get(providerId);
    if (!set) {
      set = new Set();
      this.inFlight.set(providerId, set);
    }
    return set;
  }
}

function groupSize(ratePerSecond: number): number {
  return Math.max(1, Math.min(MAX_GROUP, Math.floor(ratePerSecond / 10)));
}
