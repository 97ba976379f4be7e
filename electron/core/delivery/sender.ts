import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { SendOutcome } from '../providers/provider';
import { retryDelayMs } from './backoff';
import type { ClaimedDelivery, Outbox } from './outbox';
import type { Route } from './routes';

/** How many sends per provider may be claimed ahead of the limiter: two seconds' worth. */
const CLAIM_AHEAD_SECONDS = 2;

/**
 * Claims due deliveries and hands them to their provider through its rate limiter. A claim is
 * committed (status sending) before the provider is called, so a crash leaves a trace, not a doubt.
 */
export class Sender {
  private readonly inFlight = new Map<string, Set<Promise<void>>>();

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
      const room = route.provider.ratePerSecond * CLAIM_AHEAD_SECONDS - running.size;
      for (const claimed of this.outbox.claimDue(route.channels, this.clock.now(), room)) {
        this.onChange(claimed.campaignId);
        const send = this.send(route, claimed).finally(() => running.delete(send));
        running.add(send);
      }
    }
  }

  /** Wait for every send already started. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()].flatMap((set) => [...set]));
  }

  private async send(route: Route, claimed: ClaimedDelivery): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await route.limiter.schedule(() => route.provider.send(claimed.message));
    } catch (error) {
      this.log.warn('send threw', { delivery: claimed.id, error: error instanceof Error ? error.message : String(error) });
      outcome = { kind: 'ambiguous', message: 'The provider did not answer clearly; checking before any resend.' };
    }
    this.record(route, claimed, outcome);
    this.onChange(claimed.campaignId);
  }

  private record(route: Route, claimed: ClaimedDelivery, outcome: SendOutcome): void {
    const at = this.clock.now();
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

  private running(providerId: string): Set<Promise<void>> {
    let set = this.inFlight.get(providerId);
    if (!set) {
      set = new Set();
      this.inFlight.set(providerId, set);
    }
    return set;
  }
}
