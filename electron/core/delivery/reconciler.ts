import type { Clock } from '../clock';
import type { Outbox } from './outbox';
import type { Route } from './routes';

const BATCH = 100;

/**
 * Settles deliveries whose send may or may not have happened: adopt the provider's id when it has
 * the message, queue it again only when the provider says it never saw it, otherwise leave it.
 */
export class Reconciler {
  constructor(
    private readonly outbox: Outbox,
    private readonly routes: Route[],
    private readonly clock: Clock,
    private readonly onChange: (campaignId: number) => void,
  ) {}

  async reconcile(): Promise<void> {
    for (const route of this.routes) {
      for (const delivery of this.outbox.unknown(route.channels, BATCH)) {
        const found = await route.provider.lookup(delivery.message);
        const at = this.clock.now();
        if (found.kind === 'found') {
          this.outbox.markAccepted(delivery.id, route.provider.id, found.providerMessageId, at);
        } else if (found.kind === 'not_found') {
          this.outbox.retryLater(delivery.id, 'not_sent', 'The provider never received it; sending again.', at, at);
        } else {
          continue;
        }
        this.onChange(delivery.campaignId);
      }
    }
  }
}
