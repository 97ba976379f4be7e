import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DELIVERY_STATUSES, CHANNELS } from '../../shared/dto';
import { campaignRecipients, campaignSteps, campaigns } from './campaigns';

/** The outbox: one row per step x recipient x channel, created at launch. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    stepId: integer('step_id')
      .notNull()
      .references(() => campaignSteps.id, { onDelete: 'cascade' }),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => campaignRecipients.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** The phone (E.164) or email address the message goes to. */
    address: text('address').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    /** UTC ISO time from which the delivery may be claimed. */
    dueAt: text('due_at').notNull(),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    /** SMS segments of the text as sent, counted when claimed. */
    segments: integer('segments'),
    /** Estimated cost in the salon's currency (segments x price), set when claimed; counts toward the budget cap. */
    costEstimate: real('cost_estimate'),
    /** What the provider charged, once it reports it (positive, in `priceUnit`). */
    price: real('price'),
    priceUnit: text('price_unit'),
    /** When the provider took the message: bounds the date window of status and reconciliation listings. */
    acceptedAt: text('accepted_at'),
    /** When it was last claimed for sending: a lost send's look-up is trusted only a settle window after it. */
    claimedAt: text('claimed_at'),
    /** SHA-256 of the text exactly as it was handed to the provider at the last claim: what a look-up matches. */
    sentHash: text('sent_hash'),
    /** When it reached a final status (delivered, failed, no report...): the report's delivered or failed time. */
    finalAt: text('final_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('deliveries_step_recipient_channel_unique').on(t.stepId, t.recipientId, t.channel),
    index('deliveries_status_due_idx').on(t.status, t.dueAt),
    // The frequency cap counts a client's recent messages at every claim.
    index('deliveries_recipient_claimed_idx').on(t.recipientId, t.claimedAt),
    // Covers the day x channel breakdown as well as the per-status counts of one broadcast.
    index('deliveries_campaign_status_idx').on(t.campaignId, t.status, t.stepId, t.channel),
    index('deliveries_provider_message_idx').on(t.providerMessageId),
    index('deliveries_provider_accepted_idx').on(t.provider, t.acceptedAt),
    // Finds the text a reply answers: the latest one taken for that number (replies-repository.ts).
    index('deliveries_accepted_channel_idx').on(t.acceptedAt, t.channel, t.status),
    // Covers the dashboard: a count per channel, status and salon day is one range, and the month's
    // spend reads its prices here. The time is MESSAGE_TIME_SQL (electron/core/tracking/delivery-filter-sql.ts)
    // word for word, or SQLite does not match the two.
    index('deliveries_channel_status_time_idx').on(
      t.channel,
      t.status,
      sql`COALESCE(${t.acceptedAt}, ${t.finalAt}, ${t.dueAt})`,
      t.provider,
      t.price,
      t.costEstimate,
    ),
  ],
);

/** Append-only history of every state change of every delivery. */
export const deliveryEvents = sqliteTable(
  'delivery_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => deliveries.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: DELIVERY_STATUSES }),
    toStatus: text('to_status', { enum: DELIVERY_STATUSES }).notNull(),
    at: text('at').notNull(),
    detail: text('detail'),
  },
  (t) => [index('delivery_events_delivery_idx').on(t.deliveryId)],
);
