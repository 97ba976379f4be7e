// How a broadcast's messages did: its breakdown and cost, failure groups, timeline, the messages one
// page at a time, and the counts of any filter (the delivery report's totals come from the same).
import type { Db } from '../../../db/open';
import { notFound } from '../errors';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { BroadcastTracking } from './broadcast-tracking';
import { countDeliveries } from './delivery-counts';
import { deliveryPage } from './delivery-page';
import { deliveryTimeline } from './delivery-timeline';
import { failureReasons } from './failure-reasons';

type TrackingMethods = 'tracking.broadcast' | 'tracking.failureReasons' | 'tracking.timeline' | 'tracking.deliveries' | 'tracking.summary';

export function trackingHandlers(db: Db, settings: SettingsRepository): Pick<Handlers, TrackingMethods> {
  // The main connection: the search calls its search_key function (db/open.ts).
  const sqlite = db.$client;
  const tracking = new BroadcastTracking(sqlite, () => settings.get());
  const broadcastOrFail = (id: number): number => {
    if (sqlite.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(id) === undefined) throw notFound('That broadcast');
    return id;
  };

  return {
    'tracking.broadcast': ({ id }) => tracking.get(id),
    'tracking.failureReasons': ({ id }) => failureReasons(sqlite, broadcastOrFail(id)),
    'tracking.timeline': ({ id }) => deliveryTimeline(sqlite, broadcastOrFail(id)),
    'tracking.deliveries': (query) => deliveryPage(sqlite, query, settings.get().timeZone),
    'tracking.summary': ({ filter }) => countDeliveries(sqlite, filter, settings.get().timeZone),
  };
}
