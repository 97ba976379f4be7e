import type { Clock } from '../clock';
import type { Outbox, UnknownDelivery } from './outbox';
import type { Route } from './routes';

const BATCH = 100;
/** One run starts no new look-up after this long (real time): a slow provider delays, never blocks, the next run. */
const RUN_MAX_MS = 15_000;
/** An unknown message the provider could not be asked about is asked about again after this. */
const RECHECK_MS = 30_000;
/**
 * How long after a claim the provider's list can be trusted to show the message if it took it:
 * Twilio's list is eventually consistent, and lags of minutes have been reported.
 */
export const DEFAULT_LOOKUP_SETTLE_MS = 10 * 60_000;

/**
 * Settles deliveries whose send may or may not have happened: adopt the provider's copy when it is
 * listed, and queue the message again only when a look-up made a settle window after the claim still
 * does not find it. Until then the delivery stays unknown ("Checking with Twilio"), and its broadcast
 * is not complete. Providers that cannot be asked (SMTP, push) are left to the owner's "resend".
 */
export class Reconciler {
  constructor(
    private readonly outbox: Outbox,
    private readonly routes: () => Route[],
    private readonly clock: Clock,
    private readonly onChange: (campaignId: number) => void,
    private readonly settleMs = DEFAULT_LOOKUP_SETTLE_MS,
  ) {}

  async reconcile(): Promise<void> {
    const stopAt = Date.now() + RUN_MAX_MS;
    for (const route of this.routes()) {
      if (!route.provider.lookup) continue;
      for (const delivery of this.outbox.unknown(route.channels, BATCH, this.clock.now().toISOString())) {
        if (Date.now() >= stopAt) return;
        await this.settle(route, delivery);
      }
    }
  }

  private async settle(route: Route, { id, campaignId, sent }: UnknownDelivery): Promise<void> {
    const { provider } = route;
    const askedAt = this.clock.now();
    const found = await provider.lookup!(sent, (sid) => this.outbox.ownsProviderId(provider.id, sid));
    const at = this.clock.now();
    const trustedAt = Date.parse(sent.claimedAt) + this.settleMs;
    if (found.kind === 'found' && this.outbox.adopt(id, provider.id, found.providerMessageId, at)) {
      this.onChange(campaignId);
    } else if (found.kind === 'not_found' && askedAt.getTime() >= trustedAt) {
      this.outbox.retryLater(id, 'not_sent', 'The provider never received it; sending again.', at, at);
      this.onChange(campaignId);
    } else if (found.kind === 'not_found') {
      // Not listed yet may only mean the list lags: look again once it can be trusted.
      this.outbox.noteChecked(id, new Date(trustedAt));
    } else {
      this.outbox.noteChecked(id, new Date(at.getTime() + RECHECK_MS));
    }
  }
}
