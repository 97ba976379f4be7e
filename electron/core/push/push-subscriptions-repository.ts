import { count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { contacts, pushSubscriptions } from '../../../db/schema';
import type { SubscriptionImportDto } from '../../../shared/sending';
import { normalizePhone } from '../contacts/phone';
import type { ParsedSubscription } from './subscription-file';

export type StoredSubscription = typeof pushSubscriptions.$inferSelect;

/** The client a row names, or why none was found: `invalid` when its phone cannot be read at all. */
type ClientMatch = { contactId: number } | { unmatched: string } | { invalid: string };

export class PushSubscriptionsRepository {
  constructor(private readonly db: Db) {}

  /**
   * Link each row to its client, looked for by contactId, then email, then phone (read in the salon's
   * `country`). A known endpoint takes the row's keys and client instead of being stored twice.
   * `invalid` holds only phones that are not numbers; the file's own invalid rows are the caller's.
   */
  importRows(rows: ParsedSubscription[], country: string, at: Date): SubscriptionImportDto {
    const result: SubscriptionImportDto = { linked: 0, unmatched: [], invalid: [] };
    const createdAt = at.toISOString();
    this.db.transaction(() => {
      for (const row of rows) {
        const match = this.findClient(row, country);
        if ('unmatched' in match) result.unmatched.push({ line: row.line, reason: match.unmatched });
        else if ('invalid' in match) result.invalid.push({ line: row.line, reason: match.invalid });
        else {
          const { endpoint, p256dh, auth } = row;
          this.db
            .insert(pushSubscriptions)
            .values({ contactId: match.contactId, endpoint, p256dh, auth, createdAt })
            .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { contactId: match.contactId, p256dh, auth } })
            .run();
          result.linked += 1;
        }
      }
    });
    return result;
  }

  /** False when no subscription has this endpoint. */
  removeByEndpoint(endpoint: string): boolean {
    return this.db.delete(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint)).run().changes > 0;
  }

  count(): number {
    return this.db.select({ n: count() }).from(pushSubscriptions).get()?.n ?? 0;
  }

  /** The most recently added subscription of anyone: where a provider test goes. */
  newest(): StoredSubscription | undefined {
    return this.db.select().from(pushSubscriptions).orderBy(desc(pushSubscriptions.id)).limit(1).get();
  }

  /** Newest first. */
  forContact(contactId: number): StoredSubscription[] {
    return this.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.contactId, contactId))
      .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
      .all();
  }

  private findClient(row: ParsedSubscription, country: string): ClientMatch {
    const lookedFor: string[] = [];
    if (row.contactId !== null) {
      const found = this.contactWhere(eq(contacts.id, row.contactId));
      if (found) return found;
      lookedFor.push(`id ${row.contactId}`);
    }
    if (row.email) {
      const found = this.contactWhere(eq(contacts.email, row.email));
      if (found) return found;
      lookedFor.push(`email ${row.email}`);
    }
    if (row.phone) {
      const phone = normalizePhone(row.phone, country);
      if (!phone.ok) return lookedFor.length > 0 ? { unmatched: noClientWith(lookedFor) } : { invalid: phone.message };
      const found = this.contactWhere(eq(contacts.phone, phone.e164));
      if (found) return found;
      lookedFor.push(`phone ${phone.e164}`);
    }
    return { unmatched: noClientWith(lookedFor) };
  }

  private contactWhere(condition: SQL): { contactId: number } | undefined {
    const found = this.db.select({ id: contacts.id }).from(contacts).where(condition).get();
    return found && { contactId: found.id };
  }
}

function noClientWith(lookedFor: string[]): string {
  const last = lookedFor.pop();
  return `No client matches ${lookedFor.length > 0 ? `${lookedFor.join(', ')} or ${last}` : last}`;
}
