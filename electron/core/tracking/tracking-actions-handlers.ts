import type { Db } from '../../../db/open';
import { CampaignsRepository } from '../campaigns/campaigns-repository';
import type { Clock } from '../clock';
import { ContactsRepository } from '../contacts/contacts-repository';
import { notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { draftResend } from './resend-failed';
import { stopTexting } from './stop-texting';

/** What the owner can do about a broadcast's failures: resend to the retryable ones, stop texting dead numbers. */
export function trackingActionsHandlers(
  db: Db,
  settings: SettingsRepository,
  clock: Clock,
  events: CoreEvents,
): Pick<Handlers, 'tracking.resendFailed' | 'tracking.stopTexting'> {
  const campaigns = new CampaignsRepository(db, clock);
  const contacts = new ContactsRepository(db);

  return {
    'tracking.resendFailed': ({ id, code }) => {
      const copyId = draftResend({ db, campaigns, contacts, timeZone: settings.get().timeZone }, id, code, clock.now());
      // The resend's clients gained a tag.
      events.emit('contacts.changed', { reason: 'bulk' });
      const copy = campaigns.get(copyId);
      if (!copy) throw notFound('The new draft');
      return copy;
    },

    'tracking.stopTexting': ({ id, code }) => {
      const result = stopTexting(db, id, code, clock.now());
      if (result.marked > 0) events.emit('contacts.changed', { reason: 'bulk' });
      return result;
    },
  };
}
