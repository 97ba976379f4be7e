import type { SettingsDto } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { CoreEvents } from '../events';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from './settings-repository';
import { normalizePhone } from '../contacts/phone';
import { invalidInput } from '../errors';

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
    'settings.update': (patch) => save(withOwnerPhoneNormalised(patch, patch.country ?? settings.get().country), 'settings.updated'),
    'sending.setPaused': ({ paused }) => save({ sendingPaused: paused }, paused ? 'sending.paused' : 'sending.resumed'),
  };
}

/** The owner's number for test sends, stored as E.164 like every other number; empty means none. */
function withOwnerPhoneNormalised<P extends { ownerPhone?: string | null }>(patch: P, country: string): P {
  if (!patch.ownerPhone) return patch.ownerPhone === '' ? { ...patch, ownerPhone: null } : patch;
  const phone = normalizePhone(patch.ownerPhone, country);
  if (!phone.ok) throw invalidInput([{ path: 'ownerPhone', message: `Your mobile number ${phone.message}` }]);
  return { ...patch, ownerPhone: phone.e164 };
}
