import { count, eq, or, sql } from 'drizzle-orm';
import type { ContactDto, ContactListDto } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { contacts } from '../../../db/schema';

export interface ContactValues {
  name: string;
  phone: string | null;
  email: string | null;
}

type ContactRow = typeof contacts.$inferSelect;

export class ContactsRepository {
  constructor(private readonly db: Db) {}

  list(search: string, limit: number, offset: number): ContactListDto {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = search
      ? or(
          sql`${contacts.name} LIKE ${pattern} ESCAPE '\\'`,
          sql`${contacts.phone} LIKE ${pattern} ESCAPE '\\'`,
          sql`${contacts.email} LIKE ${pattern} ESCAPE '\\'`,
        )
      : undefined;
    const rows = this.db
      .select()
      .from(contacts)
      .where(where)
      .orderBy(sql`${contacts.name} COLLATE NOCASE`, contacts.id)
      .limit(limit)
      .offset(offset)
      .all();
    const total = this.db.select({ n: count() }).from(contacts).where(where).get()?.n ?? 0;
    return { total, contacts: rows.map(toDto) };
  }

  get(id: number): ContactDto | undefined {
    const row = this.db.select().from(contacts).where(eq(contacts.id, id)).get();
    return row && toDto(row);
  }

  /** Another contact already holding this phone or email, if any. */
  findClash(values: ContactValues, exceptId?: number): { contact: ContactDto; field: 'phone' | 'email' } | undefined {
    for (const field of ['phone', 'email'] as const) {
      const value = values[field];
      if (!value) continue;
      const row = this.db.select().from(contacts).where(eq(contacts[field], value)).get();
      if (row && row.id !== exceptId) return { contact: toDto(row), field };
    }
    return undefined;
  }

  insert(values: ContactValues, at: Date): ContactDto {
    const now = at.toISOString();
    const row = this.db
      .insert(contacts)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning()
      .get();
    return toDto(row);
  }

  update(id: number, values: ContactValues, at: Date): ContactDto | undefined {
    const row = this.db
      .update(contacts)
      .set({ ...values, updatedAt: at.toISOString() })
      .where(eq(contacts.id, id))
      .returning()
      .get();
    return row && toDto(row);
  }

  delete(id: number): boolean {
    return this.db.delete(contacts).where(eq(contacts.id, id)).run().changes === 1;
  }
}


function toDto(row: ContactRow): ContactDto {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
