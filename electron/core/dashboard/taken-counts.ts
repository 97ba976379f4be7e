// The counts of the messages the provider took, per channel, from the delivery counts' own definition.
// A message's time is not indexed, so a date range across every broadcast would read each of a year's
// messages: a range is counted broadcast by broadcast instead, for the few broadcasts that can have
// sent anything in it. One that started and finished inside the range needs no date condition, so its
// counts come from its index alone, and are counted once however many ranges hold it.
import type Database from 'better-sqlite3';
import { CHANNELS, type Channel } from '../../../shared/dto';
import type { DeliveryCountsDto, DeliveryFilter } from '../../../shared/tracking';
import { countDeliveriesByChannel, SENT_STATUSES, sumCounts } from '../tracking/delivery-counts';
import { startOfSalonDay } from '../tracking/delivery-filter-sql';

export type ChannelCounts = Record<Channel, DeliveryCountsDto>;

/**
 * Broadcasts that can have had a message taken between two instants: launched before the end and
 * still going, or finished after the start. `inside`: launched and completed within them, so every
 * message it sent was taken within them (none is taken before launch, and a broadcast completes only
 * once none is pending). A cancelled one may still see a message in flight taken, so it is never inside.
 */
const ACTIVE_BETWEEN_SQL = `SELECT id, (launched_at >= @since AND status = 'completed' AND completed_at < @until) AS inside FROM campaigns
  WHERE launched_at < @until AND (status NOT IN ('completed', 'cancelled') OR COALESCE(completed_at, updated_at) >= @since)`;

export class TakenCounts {
  private readonly whole = new Map<number, ChannelCounts>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly zone: string,
  ) {}

  /** Every message of the broadcast the provider took. */
  ofBroadcast(broadcastId: number): ChannelCounts {
    let counts = this.whole.get(broadcastId);
    if (!counts) this.whole.set(broadcastId, (counts = this.count({ broadcastId, statuses: [...SENT_STATUSES] })));
    return counts;
  }

  /** The messages taken on salon days `from` to `to` (inclusive). */
  onDays(from: string, to: string): ChannelCounts {
    const range = { since: startOfSalonDay(from, this.zone), until: startOfSalonDay(to, this.zone, 1) };
    const broadcasts = this.sqlite.prepare(ACTIVE_BETWEEN_SQL).all(range) as Array<{ id: number; inside: number }>;
    const perBroadcast = broadcasts.map(({ id, inside }) =>
      inside ? this.ofBroadcast(id) : this.count({ broadcastId: id, statuses: [...SENT_STATUSES], from, to }),
    );
    return Object.fromEntries(CHANNELS.map((channel) => [channel, sumCounts(perBroadcast.map((counts) => counts[channel]))])) as ChannelCounts;
  }

  private count(filter: DeliveryFilter): ChannelCounts {
    return countDeliveriesByChannel(this.sqlite, filter, this.zone);
  }
}
