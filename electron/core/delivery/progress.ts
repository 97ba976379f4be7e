import type { CampaignsRepository } from '../campaigns/campaigns-repository';
import type { CoreEvents } from '../events';

/**
 * Collects which broadcasts changed and pushes their fresh numbers at most once per flush, so a
 * thousand state changes a second become a few events, not a thousand.
 */
export class ProgressNotifier {
  private readonly changed = new Set<number>();

  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly events: CoreEvents,
  ) {}

  markChanged = (campaignId: number): void => {
    this.changed.add(campaignId);
  };

  flush(): void {
    for (const id of this.changed) {
      const broadcast = this.campaigns.get(id);
      if (broadcast) {
        const { status, pausedReason, stats, steps } = broadcast;
        const missedSteps = steps.filter((step) => step.missedAt !== null).length;
        this.events.emit('broadcast.progress', { broadcastId: id, status, pausedReason, missedSteps, stats });
      }
    }
    this.changed.clear();
  }
}
