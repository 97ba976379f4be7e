// The dashboard's counts of the messages tried (taken by the provider, or refused by it) on each salon
// day, per channel, as tracking/delivery-counts.ts counts them: the periods, the day chart and the
// undelivered-texts alert add these days up. A message counts on the day of its own time
// (MESSAGE_TIME_SQL), so a text refused at send, never taken, is tried and failed on the day it was refused.
import type Database from 'better-sqlite3';
import { CHANNELS, type Channel, type DeliveryStatus } from '../../../shared/dto';
import { emptyCounts, type DeliveryCountsDto } from '../../../shared/tracking';
import { addStatusCounts, sumCounts, TRIED_STATUSES } from '../tracking/delivery-counts';
import { MESSAGE_TIME_SQL, startOfSalonDay } from '../tracking/delivery-filter-sql';
import type { FollowedMessage } from './followed-messages';

export type ChannelCounts = Record<Channel, DeliveryCountsDto>;

// One count per day, channel and status, each a range of the deliveries(channel, status, message time)
// index: grouping the month's messages instead sorts every one of them.
const COUNTS_SQL = `SELECT day.key AS day, channel.value AS channel, status.value AS status,
    (SELECT COUNT(*) FROM deliveries d WHERE d.channel = channel.value AND d.status = status.value
        AND ${MESSAGE_TIME_SQL} >= day.value ->> 0 AND ${MESSAGE_TIME_SQL} < day.value ->> 1) AS n
  FROM json_each(@days) day, json_each(@channels) channel, json_each(@statuses) status`;

interface CountRow {
  day: number;
  channel: Channel;
  status: DeliveryStatus;
  n: number;
}

export class DayCounts {
  private constructor(
    private readonly dates: readonly string[],
    private readonly counts: readonly ChannelCounts[],
  ) {}

  /** The counts on the consecutive salon days `dates`, with the opt-outs and replies of `followed` on theirs. */
  static read(sqlite: Database.Database, dates: readonly string[], zone: string, followed: readonly FollowedMessage[]): DayCounts {
    const bounds = dates.map((date) => [startOfSalonDay(date, zone), startOfSalonDay(date, zone, 1)] as const);
    const counts = dates.map(() => channelCounts());
    const rows = sqlite
      .prepare(COUNTS_SQL)
      .all({ days: JSON.stringify(bounds), channels: JSON.stringify(CHANNELS), statuses: JSON.stringify(TRIED_STATUSES) }) as CountRow[];
    for (const { day, channel, status, n } of rows) {
      const dayCounts = counts[day]?.[channel];
      if (dayCounts) addStatusCounts(dayCounts, status, n);
    }
    for (const { at, channel, kind } of followed) {
      const day = bounds.findIndex(([since, until]) => since <= at && at < until);
      const dayCounts = counts[day]?.[channel];
      if (dayCounts) dayCounts[kind] += 1;
    }
    return new DayCounts(dates, counts);
  }

  /** The messages tried on salon days `from` to `to` (inclusive). */
  onDays(from: string, to: string): ChannelCounts {
    const days = this.counts.filter((_, i) => (this.dates[i] ?? '') >= from && (this.dates[i] ?? '') <= to);
    return Object.fromEntries(CHANNELS.map((channel) => [channel, sumCounts(days.map((counts) => counts[channel]))])) as ChannelCounts;
  }
}

function channelCounts(): ChannelCounts {
  return { sms: emptyCounts(), email: emptyCounts(), push: emptyCounts() };
}

