import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import type { Handlers } from '../rpc/handlers';
import { clientHistory } from './contact-history';
import { ContactsRepository } from './contacts-repository';

/** What tracking adds to a client: their message history, and taking back an "unusable number" mark. */
export function contactTrackingHandlers(db: Db, clock: Clock): Pick<Handlers, 'contacts.history' | 'contacts.markSmsUsable'> {
  const repo = new ContactsRepository(db);
  const existing = (id: number) => {
    const contact = repo.get(id);
    if (!contact) throw notFound('That client');
    return contact;
  };

  return {
    'contacts.history': ({ id, after, limit }) => {
      existing(id);
      return clientHistory(db.$client, id, after, limit);
    },

    'contacts.markSmsUsable': ({ id }) =>
      db.transaction(() => {
        const { smsUnusable } = existing(id);
        const at = clock.now();
        // Nothing to record when the number had no mark: asking twice changes nothing.
        if (repo.clearSmsUnusable(id, at)) recordAudit(db, at, 'contact.sms_usable', `contact:${id}`, { code: smsUnusable?.code });
        return { id };
      }),
  };
}
