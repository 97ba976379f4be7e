import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One CSV import: its choices, progress and result. */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  status: text('status', { enum: ['running', 'completed', 'cancelled', 'failed'] }).notNull(),
  /** The owner's choices (encoding, mapping, merge rule, consent) as JSON. */
  options: text('options').notNull(),
  processed: integer('processed').notNull().default(0),
  total: integer('total').notNull().default(0),
  /** ImportSummaryDto as JSON once completed. */
  summary: text('summary'),
  error: text('error'),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
});

/** The rows an import rejected, with where and why, for the rejected-rows file. */
export const importRows = sqliteTable(
  'import_rows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    /** The line in the file where the row starts (1 = first line). */
    line: integer('line').notNull(),
    /** The row as read (JSON array of strings). */
    raw: text('raw').notNull(),
    /** Why the row was rejected, or the warning or merge it carries, in words. */
    rejection: text('rejection').notNull(),
    /** rejected: left out; warning: imported, with a value left out or changed; merged: went into an existing client. */
    kind: text('kind', { enum: ['rejected', 'warning', 'merged'] }).notNull().default('rejected'),
    /** The client a merged or warned row went into. */
    contactId: integer('contact_id'),
  },
  (t) => [index('import_rows_import_idx').on(t.importId, t.line)],
);
