import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CONSENT_CHANNELS, CONSENT_STATUSES } from '../../shared/contacts';

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The name as shown: "First Last", or whatever the list had. */
    name: text('name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    /** E.164; null when the client gave no mobile number. */
    phone: text('phone'),
    /** Lower-cased; null when none. */
    email: text('email'),
    /** Birthday split so "birthdays this month" is an indexed lookup; the year is often unknown. */
    birthMonth: integer('birth_month'),
    birthDay: integer('birth_day'),
    birthYear: integer('birth_year'),
    /** 'YYYY-MM-DD' */
    clientSince: text('client_since'),
    lastVisitAt: text('last_visit_at'),
    /** 'YYYY-MM-DD': the next booking the booking system knows of, from the import; null: none known. */
    nextAppointmentAt: text('next_appointment_at'),
    visitCount: integer('visit_count'),
    totalSpentCents: integer('total_spent_cents'),
    notes: text('notes'),
    leadSource: text('lead_source'),
    market: text('market'),
    product: text('product'),
    leadStatus: text('lead_status'),
    state: text('state'),
    zip: text('zip'),
    conversationStatus: text('conversation_status'),
    appointmentStatus: text('appointment_status'),
    /** Unmapped import columns kept as a JSON object of strings; filterable through json_extract. */
    customFields: text('custom_fields').notNull().default('{}'),
    /** Current consent per channel; the history is in consent_events. */
    smsConsent: text('sms_consent', { enum: CONSENT_STATUSES }).notNull().default('unknown'),
    emailConsent: text('email_consent', { enum: CONSENT_STATUSES }).notNull().default('unknown'),
    pushConsent: text('push_consent', { enum: CONSENT_STATUSES }).notNull().default('unknown'),
    /** The provider code that showed the phone can never get texts (a landline, an unknown number); null: usable. */
    smsUnusableCode: text('sms_unusable_code'),
    smsUnusableAt: text('sms_unusable_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    // Each text field's key for comparisons without regard to case (db/text-folds.ts): its folded form
    // where SQLite's ASCII-only NOCASE would compare it wrongly, else null.
    nameFold: text('name_fold'),
    firstNameFold: text('first_name_fold'),
    lastNameFold: text('last_name_fold'),
    phoneFold: text('phone_fold'),
    emailFold: text('email_fold'),
    notesFold: text('notes_fold'),
    leadSourceFold: text('lead_source_fold'),
    marketFold: text('market_fold'),
    productFold: text('product_fold'),
    leadStatusFold: text('lead_status_fold'),
    stateFold: text('state_fold'),
    zipFold: text('zip_fold'),
    conversationStatusFold: text('conversation_status_fold'),
    appointmentStatusFold: text('appointment_status_fold'),
    /** The same for custom fields: a JSON object of the values that need one, or null. */
    customFieldsFold: text('custom_fields_fold'),
  },
  // Text fields get no index: filters mostly scan for them ("contains"), and every index slows an
  // import. Dates and numbers are indexed for ranges and sorting.
  (t) => [
    // SQLite lets several rows hold NULL in a unique column, so "no phone" never collides.
    uniqueIndex('contacts_phone_unique').on(t.phone),
    uniqueIndex('contacts_email_unique').on(t.email),
    index('contacts_name_idx').on(sql`${t.name} COLLATE NOCASE`),
    index('contacts_last_visit_idx').on(t.lastVisitAt),
    index('contacts_client_since_idx').on(t.clientSince),
    index('contacts_created_idx').on(t.createdAt),
    index('contacts_visit_count_idx').on(t.visitCount),
    index('contacts_total_spent_idx').on(t.totalSpentCents),
    index('contacts_birthday_idx').on(t.birthMonth, t.birthDay),
    // Only the few numbers marked unusable: the dashboard counts them without reading every client.
    index('contacts_sms_unusable_idx')
      .on(t.smsUnusableCode)
      .where(sql`${t.smsUnusableCode} IS NOT NULL`),
  ],
);

/** Append-only: every change of a contact's consent, with where it came from. */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CONSENT_CHANNELS }).notNull(),
    status: text('status', { enum: CONSENT_STATUSES }).notNull(),
    source: text('source').notNull(),
    at: text('at').notNull(),
  },
  (t) => [
    index('consent_events_contact_idx').on(t.contactId, t.at),
    // The opt-outs of a period (dashboard, and the opt-outs a broadcast's texts caused) among every consent given.
    index('consent_events_status_at_idx').on(t.status, t.at),
  ],
);

export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** The name folded (shared/text-fold.ts): "Élite" and "élite" are one tag. */
    // The default only lets the migration add the column to existing rows; every insert sets it.
    nameFold: text('name_fold').notNull().default(''),
  },
  (t) => [uniqueIndex('tags_name_fold_unique').on(t.nameFold)],
);

/** The version of the folding rule (shared/text-fold.ts) the stored fold keys were made with: one row. */
export const textFoldVersion = sqliteTable('text_fold_version', {
  version: text('version').primaryKey(),
});

export const contactTags = sqliteTable(
  'contact_tags',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tagId] }), index('contact_tags_tag_idx').on(t.tagId, t.contactId)],
);

/** Saved audience filters, re-evaluated each time they are used. */
export const segments = sqliteTable(
  'segments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    filter: text('filter').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('segments_name_unique').on(sql`${t.name} COLLATE NOCASE`)],
);
