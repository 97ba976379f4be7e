import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { AUTOMATION_KINDS, AUTOMATION_TYPES } from '../../shared/automations';
import { contacts } from './contacts';

/** The ready-made automations, one per kind, with the owner's wording and rules. */
export const automations = sqliteTable('automations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: AUTOMATION_KINDS }).notNull().unique(),
  name: text('name').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  /** When it was last turned on: triggers before then are never looked at. */
  enabledAt: text('enabled_at'),
  /** The last salon day ('YYYY-MM-DD') whose triggers were looked at: the next look starts the day after. */
  evaluatedThrough: text('evaluated_through'),
  type: text('type', { enum: AUTOMATION_TYPES }).notNull().default('sms'),
  days: integer('days').notNull(),
  /** The audience filter (JSON) on top of the trigger. */
  audience: text('audience').notNull(),
  smsBody: text('sms_body').notNull().default(''),
  smsOptOutLine: integer('sms_opt_out_line', { mode: 'boolean' }).notNull().default(true),
  emailSubject: text('email_subject').notNull().default(''),
  emailBody: text('email_body').notNull().default(''),
  /** 'HH:MM' on the salon's clock; null: as soon as it fires. */
  sendTime: text('send_time'),
  exemptFromCap: integer('exempt_from_cap', { mode: 'boolean' }).notNull().default(false),
  skipIfBooked: integer('skip_if_booked', { mode: 'boolean' }).notNull().default(false),
  skipIfVisitedWithinDays: integer('skip_if_visited_within_days'),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The enrolment ledger: one row per automation, client and occasion (the birthday's year, the visit
 * date, "welcome"), written in the same transaction as the messages it queues. The unique key is
 * what makes an occasion fire at most once, across restarts, kill -9, sleep and clock changes.
 */
export const automationEnrolments = sqliteTable(
  'automation_enrolments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    automationId: integer('automation_id')
      .notNull()
      .references(() => automations.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    occasion: text('occasion').notNull(),
    decidedAt: text('decided_at').notNull(),
    outcome: text('outcome', { enum: ['sent', 'skipped'] }).notNull(),
    /** Why it was skipped, in plain words. */
    reason: text('reason'),
    /** The run (campaign) carrying its messages. */
    campaignId: integer('campaign_id'),
  },
  (t) => [
    uniqueIndex('automation_enrolments_occasion_unique').on(t.automationId, t.contactId, t.occasion),
    index('automation_enrolments_automation_idx').on(t.automationId, t.decidedAt),
    index('automation_enrolments_contact_idx').on(t.contactId, t.decidedAt),
  ],
);
