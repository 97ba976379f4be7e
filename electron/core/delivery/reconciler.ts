import type { Clock } from '../clock';
import type { Outbox } from './outbox';
import type { Route } from './routes';

const BATCH = 100;
/** An unknown message the provider could not be asked about is asked about again after this. */
const RECHECK_MS = 30_000;

/**
 * Settles deliveries whose send may or may not have happened: adopt the provider's id when it has
 * the message, queue it again only when the provider says it never saw it, otherwise leave it.
 * Providers that cannot be asked (SMTP, push) are left to the owner's "resend".
 */
export class Reconciler {
  constructor(
    private readonly outbox: Outbox,
    private readonly routes: () => Route[],
    private readonly clock: Clock,
    private readonly onChange: (campaignId: number) => void,
  ) {}

  async reconcile(): Promise<void> {
    for (const route of this.routes()) {
      const { provider } = route;
      if (!provider.lookup) continue;
      for (const delivery of this.outbox.unknown(route.channels, BATCH, this.clock.now().toISOString())) {
        const found = await provider.lookup(delivery.message, delivery.claimedAt, (sid) => this.outbox.ownsProviderId(provider.id, sid));
        const at = this.clock.now();
        if (found.kind === 'found') {
          this.outbox.markAccepted(delivery.id, provider.id, found.providerMessageId, at);
        } else if (found.kind === 'not_found') {
          this.outbox.retryLater(delivery.id, 'not_sent', 'The provider never received it; sending again.', at, at);
        } else {
          this.outbox.noteChecked(delivery.id, new Date(at.getTime() + RECHECK_MS));
          continue;
        }
        this.onChange(delivery.campaignId);
      }
    }
  }
}
