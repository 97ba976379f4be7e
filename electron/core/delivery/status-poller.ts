import type { Clock } from '../clock';
import type { AwaitingStatus, Outbox } from './outbox';
import type { Route } from './routes';

/** Up to this many messages per status call, as Twilio's list pages allow. */
const PAGE_SIZE = 1000;

/** Asks each provider for the status of what it accepted, many messages per call. */
export class StatusPoller {
  constructor(
    private readonly outbox: Outbox,
    private readonly routes: Route[],
    private readonly clock: Clock,
    private readonly onChange: (campaignId: number) => void,
  ) {}

  /** One pass over everything awaiting a status, a page per call. */
  async poll(): Promise<void> {
    for (const route of this.routes) {
      for (let afterId = 0; ; ) {
        const awaiting = this.outbox.awaitingStatus(route.provider.id, afterId, PAGE_SIZE);
        if (awaiting.length === 0) break;
        afterId = awaiting[awaiting.length - 1]?.id ?? afterId;
        await this.pollPage(route, awaiting);
      }
    }
  }

  private async pollPage(route: Route, awaiting: AwaitingStatus[]): Promise<void> {
    const reports = await route.provider.fetchStatuses(awaiting.map((a) => a.providerMessageId));
    const byProviderId = new Map(awaiting.map((a) => [a.providerMessageId, a]));
    const at = this.clock.now();
    this.outbox.inTransaction(() => {
      for (const report of reports) {
        const delivery = byProviderId.get(report.providerMessageId);
        if (delivery && this.outbox.applyStatus(delivery.id, report, at)) this.onChange(delivery.campaignId);
      }
    });
  }
}
