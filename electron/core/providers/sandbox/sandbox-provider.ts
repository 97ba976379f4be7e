import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../../db/open';
import { sandboxMessages } from '../../../../db/schema';
import type { Clock } from '../../clock';
import type { AwaitedMessage, OutgoingMessage, Provider, SentMessage, StatusReport } from '../provider';
import { sandboxOutcome } from './sandbox-outcome';

export interface SandboxOptions {
  clock: Clock;
  /** How long after acceptance the final outcome shows, spread per recipient between min and max. */
  settleDelayMs?: { min: number; max: number };
  /** How fast the sandbox takes messages (its route's limit). */
  ratePerSecond?: number;
}

export const SANDBOX_PROVIDER_ID = 'sandbox';

/**
 * The first-run provider: nothing leaves the machine. Messages land in the on-device outbox
 * (sandbox_messages) and move from sent to delivered or undelivered after a short delay.
 */
export function createSandboxProvider(db: Db, options: SandboxOptions): Provider {
  const { clock } = options;
  const delay = options.settleDelayMs ?? { min: 1500, max: 6000 };

  const findByKey = (key: string) =>
    db.select().from(sandboxMessages).where(eq(sandboxMessages.deliveryKey, key)).get();

  return {
    id: SANDBOX_PROVIDER_ID,

    async send(message: OutgoingMessage) {
      const outcome = sandboxOutcome(message.channel, message.to);
      if (outcome.kind === 'rejected') return outcome;
      const earlier = findByKey(message.key);
      if (earlier) return { kind: 'accepted', providerMessageId: earlier.sid };
      const acceptedAt = clock.now();
      const settlesAt = new Date(acceptedAt.getTime() + delay.min + outcome.delayShare * (delay.max - delay.min));
      const sid = (message.channel === 'sms' ? 'SM' : 'EM') + randomBytes(16).toString('hex');
      db.insert(sandboxMessages)
        .values({
          sid,
          deliveryKey: message.key,
          channel: message.channel,
          to: message.to,
          subject: message.subject,
          body: message.body,
          acceptedAt: acceptedAt.toISOString(),
          settlesAt: settlesAt.toISOString(),
          outcome: outcome.kind,
          errorCode: outcome.kind === 'undelivered' ? outcome.code : null,
          errorMessage: outcome.kind === 'undelivered' ? outcome.message : null,
        })
        .run();
      return { kind: 'accepted', providerMessageId: sid };
    },

    async fetchStatuses(awaited: AwaitedMessage[]) {
      const ids = awaited.map((message) => message.providerMessageId);
      if (ids.length === 0) return [];
      const now = clock.now().toISOString();
      const rows = db.select().from(sandboxMessages).where(inArray(sandboxMessages.sid, ids)).all();
      return rows.map((row): StatusReport => {
        if (row.settlesAt > now) return { providerMessageId: row.sid, status: 'sent' };
        return {
          providerMessageId: row.sid,
          status: row.outcome,
          ...(row.errorCode && { errorCode: row.errorCode }),
          ...(row.errorMessage && { errorMessage: row.errorMessage }),
        };
      });
    },

    async lookup(sent: SentMessage) {
      const row = findByKey(sent.key);
      return row ? { kind: 'found', providerMessageId: row.sid } : { kind: 'not_found' };
    },
  };
}
