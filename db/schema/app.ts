import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Salon settings, one JSON value per key; validated by the core on read and write. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Append-only record of what the owner did (and what the app did on their behalf). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    detail: text('detail'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);
