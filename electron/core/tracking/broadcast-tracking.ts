// The broadcast page's numbers: every day x channel cell, the total and the cost.
import type Database from 'better-sqlite3';
import type { BroadcastType } from '../../../shared/broadcasts';
import type { SettingsDto } from '../../../shared/dto';
import { emptyCounts, type BreakdownCellDto, type BroadcastTrackingDto } from '../../../shared/tracking';
import { deliveryChannels } from '../campaigns/campaigns-repository';
import { notFound } from '../errors';
import { BroadcastCosts } from './broadcast-cost';
import { countDeliveriesByCell, sumCounts } from './delivery-counts';

interface BroadcastRow {
  type: BroadcastType;
  launchedAt: string | null;
}

export class BroadcastTracking {
  private readonly costs: BroadcastCosts;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly settings: () => SettingsDto,
  ) {
    this.costs = new BroadcastCosts(sqlite);
  }

  /** One cell per step and channel of the broadcast's type, empty ones included, Day 1 first. */
  get(broadcastId: number): BroadcastTrackingDto {
    const broadcast = this.sqlite.prepare('SELECT type, launched_at AS launchedAt FROM campaigns WHERE id = ?').get(broadcastId) as
      | BroadcastRow
      | undefined;
    if (!broadcast) throw notFound('That broadcast');
    const settings = this.settings();
    const counted = countDeliveriesByCell(this.sqlite, { broadcastId }, settings.timeZone);
    const days = this.sqlite.prepare('SELECT day FROM campaign_steps WHERE campaign_id = ? ORDER BY day').pluck().all(broadcastId) as number[];
    const cells: BreakdownCellDto[] = days.flatMap((day) =>
      deliveryChannels(broadcast.type).map((channel) => ({
        day,
        channel,
        counts: counted.find((cell) => cell.day === day && cell.channel === channel)?.counts ?? emptyCounts(),
      })),
    );
    return {
      broadcastId,
      total: sumCounts(cells.map((cell) => cell.counts)),
      cells,
      cost: this.costs.cost(broadcastId, broadcast.launchedAt, settings),
    };
  }
}
