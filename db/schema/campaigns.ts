import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts';

export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** draft -> sending -> completed */
  status: text('status', { enum: ['draft', 'sending', 'completed'] }).notNull(),
  createdAt: text('created_at').notNull(),
  launchedAt: text('launched_at'),
  completedAt: text('completed_at'),
});

/** One step of a campaign (Day N). Content is per channel; a null body means the channel is not used. */
export const campaignSteps = sqliteTable(
  'campaign_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
    /** When the step is due, as UTC ISO; null for "send now" (due at launch). */
    sendAtUtc: text('send_at_utc'),
    /** The owner's wall-clock time and zone the UTC time was computed from. */
    sendAtLocal: text('send_at_local'),
    timeZone: text('time_zone'),
    smsBody: text('sms_body'),
    emailSubject: text('email_subject'),
    emailBody: text('email_body'),
  },
  (t) => [uniqueIndex('campaign_steps_day_unique').on(t.campaignId, t.day)],
);

/** Who matched at launch, with the data used for personalisation, kept even if the contact changes. */
export const campaignRecipients = sqliteTable(
  'campaign_recipients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
  },
  (t) => [
    uniqueIndex('campaign_recipients_contact_unique').on(t.campaignId, t.contactId),
    index('campaign_recipients_contact_idx').on(t.contactId),
  ],
);
