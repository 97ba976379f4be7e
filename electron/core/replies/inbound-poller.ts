import type { Clock } from '../clock';
import type { ContactsRepository } from '../contacts/contacts-repository';
import type { Route } from '../delivery/routes';
import type { CoreEvents } from '../events';
import type { Db } from '../../../db/open';
import type { RepliesRepository } from './replies-repository';
import { replyAction } from './reply-keywords';

const POLL_EVERY_MS = 30_000;
/** On the first poll, replies this far back are fetched. */
const FIRST_LOOK_BACK_MS = 24 * 60 * 60_000;

/**
 * Fetches the texts clients sent to the salon's number, stores each once, and acts on STOP / START
 * at once: the client's text consent changes, with an entry in the consent log.
 */
export class InboundPoller {
  private nextPollAt = 0;

  constructor(
    private readonly parts: {
      db: Db;
      replies: RepliesRepository;
      contacts: ContactsRepository;
      routes: () => Route[];
      clock: Clock;
      events: CoreEvents;
    },
  ) {}

  async poll(force = false): Promise<void> {
    const { db, replies, contacts, routes, clock, events } = this.parts;
    const now = clock.now();
    if (!force && now.getTime() < this.nextPollAt) return;
    this.nextPollAt = now.getTime() + POLL_EVERY_MS;
    for (const route of routes()) {
      if (!route.provider.inbound) continue;
      const since = replies.latestReceivedAt() ?? new Date(now.getTime() - FIRST_LOOK_BACK_MS).toISOString();
      for (const text of await route.provider.inbound(since)) {
        const action = replyAction(text.body);
        const stored = db.transaction(() => {
          const reply = replies.add(text, action);
          if (reply?.contactId != null && action) {
            const status = action === 'opt_out' ? 'opted_out' : 'granted';
            contacts.setConsent(reply.contactId, 'sms', status, `Replied “${text.body.trim()}”`, clock.now());
          }
          return reply;
        });
        if (!stored) continue;
        events.emit('reply.received', stored);
        if (action && stored.contactId !== null) events.emit('contacts.changed', { reason: 'opt_out' });
      }
    }
  }
}
