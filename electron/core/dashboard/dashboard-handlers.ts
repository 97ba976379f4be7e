import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { dashboardStats } from './dashboard-stats';

export function dashboardHandlers(
  /** A read-only connection tuned for scans (db/open.ts openReader): the numbers read a month of messages. */
  sqlite: Database.Database,
  settings: SettingsRepository,
  clock: Clock,
): Pick<Handlers, 'dashboard.stats'> {
  return { 'dashboard.stats': () => dashboardStats(sqlite, settings.get(), clock.now()) };
}
