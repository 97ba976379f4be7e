import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaigns';
import { contacts } from './contacts';

/** Provider passwords and keys, encrypted by the host's SecretCipher; never sent to the renderer. */
export const secrets = sqliteTable('secrets', {
  name: text('name').primaryKey(),
  ciphertext: blob('ciphertext', { mode: 'buffer' }).notNull(),
  /** The last four characters, so the owner can tell which key is saved. */
  last4: text('last4').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** A browser's web push subscription, linked to the client it belongs to. */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_unique').on(t.endpoint), index('push_subscriptions_contact_idx').on(t.contactId)],
);

/** Texts clients sent to the salon's number, polled from the provider. */
export const inboundMessages = sqliteTable(
  'inbound_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerMessageId: text('provider_message_id').notNull(),
    fromPhone: text('from_phone').notNull(),
    toPhone: text('to_phone').notNull(),
    body: text('body').notNull(),
    receivedAt: text('received_at').notNull(),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** The latest broadcast that texted this client before the reply. */
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    /** What the reply did: opt_out (STOP...), opt_in (START...), or null for an ordinary reply. */
    action: text('action', { enum: ['opt_out', 'opt_in'] }),
  },
  (t) => [
    uniqueIndex('inbound_messages_provider_unique').on(t.providerMessageId),
    index('inbound_messages_campaign_idx').on(t.campaignId, t.receivedAt),
    index('inbound_messages_received_idx').on(t.receivedAt),
  ],
);
