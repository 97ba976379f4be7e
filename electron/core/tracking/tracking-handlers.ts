// How a broadcast's messages did: its breakdown and cost, failure groups, timeline, the messages one
// page at a time, and the counts of any filter (the delivery report's totals come from the same).
import type Database from 'better-sqlite3';
import { registerSearchKey } from '../../../db/search-key-sql';
import { notFound } from '../errors';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { BroadcastTracking } from './broadcast-tracking';
import { countDeliveries } from './delivery-counts';
import { deliveryPage } from './delivery-page';
import { deliveryTimeline } from './delivery-timeline';
import { failureReasons } from './failure-reasons';

type TrackingMethods = 'tracking.broadcast' | 'tracking.failureReasons' | 'tracking.timeline' | 'tracking.deliveries' | 'tracking.summary';

export function trackingHandlers(
  /** A read-only connection tuned for scans (db/open.ts openReader): a broadcast's numbers read its every message. */
  sqlite: Database.Database,
  settings: SettingsRepository,
): Pick<Handlers, TrackingMethods> {
  // The search calls search_key(), which openReader does not register.
  registerSearchKey(sqlite);
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
