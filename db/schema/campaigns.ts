import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { BROADCAST_TYPES } from '../../shared/broadcasts';
import { BROADCAST_STATUSES, PAUSE_REASONS } from '../../shared/dto';
import { contacts } from './contacts';

export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  status: text('status', { enum: BROADCAST_STATUSES }).notNull(),
  /** Which channels every step writes content for: sms, email, sms_email or push. */
  type: text('type', { enum: BROADCAST_TYPES }).notNull().default('sms'),
  /** The audience filter (JSON) chosen in the wizard; null = every reachable client. */
  audience: text('audience'),
  /** The saved segment the audience came from, if any (its filter is copied into `audience`). */
  segmentId: integer('segment_id'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at'),
  launchedAt: text('launched_at'),
  completedAt: text('completed_at'),
  /** Why a paused broadcast is paused: the owner, the budget cap, or a provider that stopped answering. */
  pausedReason: text('paused_reason', { enum: PAUSE_REASONS }),
  /** Set on an automation's run: one broadcast per automation and salon day, made by the app. */
  automationId: integer('automation_id'),
  /** The salon day ('YYYY-MM-DD') of an automation's run. */
  runDate: text('run_date'),
  /** Left out of the weekly frequency cap and not counted toward it (a birthday message, if the owner says so). */
  capExempt: integer('cap_exempt', { mode: 'boolean' }).notNull().default(false),
}, (t) => [uniqueIndex('campaigns_automation_run_unique').on(t.automationId, t.runDate)]);

/** One step of a campaign (Day N). Content is per channel; a null body means the channel is not used. */
export const campaignSteps = sqliteTable(
  'campaign_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    day: integer('day').notNull(),
    /** The wall-clock time the owner picked, or null: Day 1 at launch, Day N at Day 1's time N-1 days on. */
    sendAtAsked: text('send_at_asked'),
    /** When the step is due, as UTC ISO, set at launch; null for "send now" (due at launch). */
    sendAtUtc: text('send_at_utc'),
    /** The owner's wall-clock time and zone the UTC time was computed from. */
    sendAtLocal: text('send_at_local'),
    timeZone: text('time_zone'),
    smsBody: text('sms_body'),
    /** Whether "Reply STOP to opt out" is added to the text; the owner may remove it knowingly. */
    smsOptOutLine: integer('sms_opt_out_line', { mode: 'boolean' }).notNull().default(true),
    emailSubject: text('email_subject'),
    /** Markdown; sent as HTML with a plain-text part. */
    emailBody: text('email_body'),
    pushTitle: text('push_title'),
    pushBody: text('push_body'),
    pushUrl: text('push_url'),
    /** Why the send time differs from the one asked for (quiet hours, DST), for the owner. */
    scheduleNote: text('schedule_note'),
    /** When the first message of this step was claimed; a started step is never "missed". */
    startedAt: text('started_at'),
    /** Set when the step came due more than the grace window ago without starting: the owner decides. */
    missedAt: text('missed_at'),
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
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    email: text('email'),
    /** The contact's custom fields at launch (JSON), for personalisation. */
    customFields: text('custom_fields').notNull().default('{}'),
  },
  (t) => [
    uniqueIndex('campaign_recipients_contact_unique').on(t.campaignId, t.contactId),
    index('campaign_recipients_contact_idx').on(t.contactId),
  ],
);
