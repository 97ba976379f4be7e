import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** E.164; null when the client gave no mobile number. */
    phone: text('phone'),
    /** Lower-cased; null when none. */
    email: text('email'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // SQLite lets several rows hold NULL in a unique column, so "no phone" never collides.
    uniqueIndex('contacts_phone_unique').on(t.phone),
    uniqueIndex('contacts_email_unique').on(t.email),
    index('contacts_name_idx').on(sql`${t.name} COLLATE NOCASE`),
  ],
);
