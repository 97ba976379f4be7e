import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Saved message content to start a step from, per channel. */
export const templates = sqliteTable(
  'templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    channel: text('channel', { enum: ['sms', 'email', 'push'] }).notNull(),
    /** The channel's fields as JSON: {body} for SMS, {subject, body} for email, {title, body, url} for push. */
    content: text('content').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('templates_channel_name_unique').on(t.channel, sql`${t.name} COLLATE NOCASE`)],
);
