import type { Clock } from '../clock';
import type { ContactsRepository } from '../contacts/contacts-repository';
import type { Route } from '../delivery/routes';
import type { InboundText } from '../providers/provider';
import type { CoreEvents } from '../events';
import type { Db } from '../../../db/open';
import type { RepliesRepository } from './replies-repository';
import { replyAction } from './reply-keywords';

const POLL_EVERY_MS = 30_000;
/** While texts are going out, a STOP must stop the next one: replies are read this often. */
const POLL_WHILE_SENDING_MS = 2_000;
/** On the first poll, replies this far back are fetched. */
const FIRST_LOOK_BACK_MS = 24 * 60 * 60_000;

/**
 * Fetches the texts clients sent to the salon's number, stores each once, and acts on STOP / START
 * at once: the client's text consent changes, with an entry in the consent log.
 */
export class InboundPoller {
  private lastPollAt = Number.NEGATIVE_INFINITY;

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

  /** Read new replies if it is time: every few seconds while `sending`, otherwise every half minute. */
  async poll(sending: boolean): Promise<void> {
    const { replies, routes, clock } = this.parts;
    const now = clock.now().getTime();
    const every = sending ? POLL_WHILE_SENDING_MS : POLL_EVERY_MS;
    if (now < this.lastPollAt + every) return;
    this.lastPollAt = now;
    for (const route of routes()) {
      if (!route.provider.inbound) continue;
      const since = replies.latestReceivedAt() ?? new Date(now - FIRST_LOOK_BACK_MS).toISOString();
      this.store(await route.provider.inbound(since));
    }
  }

  /** Store each reply once and apply every STOP / START among them, all in one transaction. */
  private store(texts: InboundText[]): void {
    const { db, replies, contacts, clock, events } = this.parts;
    const stored = db.transaction(() =>
      texts.flatMap((text) => {
        const action = replyAction(text.body);
        const reply = replies.add(text, action);
        if (reply?.contactId != null && action) {
          const status = action === 'opt_out' ? 'opted_out' : 'granted';
          contacts.setConsent(reply.contactId, 'sms', status, `Replied “${text.body.trim()}”`, clock.now());
        }
        return reply ? [{ reply, action }] : [];
      }),
    );
    for (const { reply, action } of stored) {
      events.emit('reply.received', reply);
      if (action && reply.contactId !== null) events.emit('contacts.changed', { reason: 'opt_out' });
    }
  }
}
