import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The sandbox provider's on-device outbox: what would have been sent, and the outcome the sandbox
 * decided for it. Keyed by our delivery id so a retry after a crash finds the earlier send.
 */
export const sandboxMessages = sqliteTable(
  'sandbox_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sid: text('sid').notNull(),
    deliveryKey: text('delivery_key').notNull(),
    channel: text('channel').notNull(),
    to: text('to').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    acceptedAt: text('accepted_at').notNull(),
    /** When the final outcome becomes visible to status checks. */
    settlesAt: text('settles_at').notNull(),
    outcome: text('outcome', { enum: ['delivered', 'undelivered'] }).notNull(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
  },
  (t) => [uniqueIndex('sandbox_messages_sid_unique').on(t.sid), uniqueIndex('sandbox_messages_key_unique').on(t.deliveryKey)],
);
