import type { Db } from '../../../db/open';
import type { Clock } from '../clock';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { dashboardStats } from './dashboard-stats';

export function dashboardHandlers(db: Db, settings: SettingsRepository, clock: Clock): Pick<Handlers, 'dashboard.stats'> {
  return { 'dashboard.stats': () => dashboardStats(db.$client, settings.get(), clock.now()) };
}
