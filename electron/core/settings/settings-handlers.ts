import type { SettingsDto } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from './settings-repository';

export function settingsHandlers(
  db: Db,
  settings: SettingsRepository,
  clock: Clock,
  events: CoreEvents,
): Pick<Handlers, 'settings.get' | 'settings.update' | 'sending.setPaused'> {
  const save = (patch: Partial<SettingsDto>, action: string): SettingsDto => {
    db.transaction(() => {
      settings.set(patch);
      recordAudit(db, clock.now(), action, null, patch);
    });
    const updated = settings.get();
    events.emit('settings.changed', updated);
    return updated;
  };

  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => save(patch, 'settings.updated'),
    'sending.setPaused': ({ paused }) => save({ sendingPaused: paused }, paused ? 'sending.paused' : 'sending.resumed'),
  };
}
