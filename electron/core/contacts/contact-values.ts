import type { Consent, ConsentStatus } from '../../../shared/contacts';
import { deliveryReason } from '../../../shared/delivery-reasons';
import type { ContactDto } from '../../../shared/dto';
import { needsSmtpUtf8, SMTPUTF8_NOTE } from '../../../shared/email-address';
import { resolveNameOrder, splitFullName as splitName } from '../../../shared/name-order';

/** A contact's values as stored, already normalised (E.164 phone, lower-case email, ISO dates). */
export interface ContactValues {
  name: string;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  birthMonth: number | null;
  birthDay: number | null;
  birthYear: number | null;
  clientSince: string | null;
  lastVisitAt: string | null;
  nextAppointmentAt: string | null;
  visitCount: number | null;
  totalSpentCents: number | null;
  notes: string | null;
  leadSource: string | null;
  market: string | null;
  product: string | null;
  leadStatus: string | null;
  state: string | null;
  zip: string | null;
  conversationStatus: string | null;
  appointmentStatus: string | null;
  customFields: Record<string, string>;
}

/** Column of each stored value; the only names that reach SQL as text. */
export const VALUE_COLUMNS: Record<Exclude<keyof ContactValues, 'customFields'>, string> = {
  name: 'name',
  firstName: 'first_name',
  lastName: 'last_name',
  phone: 'phone',
  email: 'email',
  birthMonth: 'birth_month',
  birthDay: 'birth_day',
  birthYear: 'birth_year',
  clientSince: 'client_since',
  lastVisitAt: 'last_visit_at',
  nextAppointmentAt: 'next_appointment_at',
  visitCount: 'visit_count',
  totalSpentCents: 'total_spent_cents',
  notes: 'notes',
  leadSource: 'lead_source',
  market: 'market',
  product: 'product',
  leadStatus: 'lead_status',
  state: 'state',
  zip: 'zip',
  conversationStatus: 'conversation_status',
  appointmentStatus: 'appointment_status',
};

export const EMPTY_VALUES: Omit<ContactValues, 'name'> = {
  firstName: null,
  lastName: null,
  phone: null,
  email: null,
  birthMonth: null,
  birthDay: null,
  birthYear: null,
  clientSince: null,
  lastVisitAt: null,
  nextAppointmentAt: null,
  visitCount: null,
  totalSpentCents: null,
  notes: null,
  leadSource: null,
  market: null,
  product: null,
  leadStatus: null,
  state: null,
  zip: null,
  conversationStatus: null,
  appointmentStatus: null,
  customFields: {},
};

/** 'YYYY-MM-DD' or '--MM-DD' into its stored parts. */
export function splitBirthday(birthday: string | null | undefined): Pick<ContactValues, 'birthMonth' | 'birthDay' | 'birthYear'> {
  const match = birthday?.match(/^(?:(\d{4})-|--)(\d{2})-(\d{2})$/);
  if (!match) return { birthMonth: null, birthDay: null, birthYear: null };
  return {
    birthYear: match[1] === undefined ? null : Number(match[1]),
    birthMonth: Number(match[2]),
    birthDay: Number(match[3]),
  };
}

export function joinBirthday(values: Pick<ContactValues, 'birthMonth' | 'birthDay' | 'birthYear'>): string | null {
  if (values.birthMonth === null || values.birthDay === null) return null;
  const md = `${String(values.birthMonth).padStart(2, '0')}-${String(values.birthDay).padStart(2, '0')}`;
  return values.birthYear === null ? `--${md}` : `${String(values.birthYear).padStart(4, '0')}-${md}`;
}

/** A stored row (snake_case, as SELECTed by the repository) into the DTO the renderer sees. */
export interface ContactRow {
  id: number;
  name: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  email: string | null;
  birth_month: number | null;
  birth_day: number | null;
  birth_year: number | null;
  client_since: string | null;
  last_visit_at: string | null;
  next_appointment_at: string | null;
  visit_count: number | null;
  total_spent_cents: number | null;
  notes: string | null;
  lead_source: string | null;
  market: string | null;
  product: string | null;
  lead_status: string | null;
  state: string | null;
  zip: string | null;
  conversation_status: string | null;
  appointment_status: string | null;
  custom_fields: string;
  sms_consent: ConsentStatus;
  email_consent: ConsentStatus;
  push_consent: ConsentStatus;
  sms_unusable_code: string | null;
  sms_unusable_at: string | null;
  created_at: string;
  updated_at: string;
  /** Tag names joined by the unit separator (U+001F), or null. */
  tag_names: string | null;
}

export const TAG_SEPARATOR = '\u001f';

export function rowToValues(row: ContactRow): ContactValues {
  return {
    name: row.name,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    email: row.email,
    birthMonth: row.birth_month,
    birthDay: row.birth_day,
    birthYear: row.birth_year,
    clientSince: row.client_since,
    lastVisitAt: row.last_visit_at,
    nextAppointmentAt: row.next_appointment_at,
    visitCount: row.visit_count,
    totalSpentCents: row.total_spent_cents,
    notes: row.notes,
    leadSource: row.lead_source,
    market: row.market,
    product: row.product,
    leadStatus: row.lead_status,
    state: row.state,
    zip: row.zip,
    conversationStatus: row.conversation_status,
    appointmentStatus: row.appointment_status,
    customFields: JSON.parse(row.custom_fields) as Record<string, string>,
  };
}

export function rowToDto(row: ContactRow): ContactDto {
  const { birthMonth, birthDay, birthYear, ...values } = rowToValues(row);
  const consent: Consent = { sms: row.sms_consent, email: row.email_consent, push: row.push_consent };
  return {
    id: row.id,
    ...values,
    birthday: joinBirthday({ birthMonth, birthDay, birthYear }),
    tags: row.tag_names ? row.tag_names.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [],
    consent,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.email && needsSmtpUtf8(row.email) && { emailNote: SMTPUTF8_NOTE }),
    smsUnusable: smsUnusableOf(row),
  };
}

function smsUnusableOf({ sms_unusable_code: code, sms_unusable_at: at }: ContactRow): ContactDto['smsUnusable'] {
  return code === null ? null : { code, reason: deliveryReason('sms', code).reason, at: at ?? '' };
}

/** A full name typed by hand, split in the order its script writes it (shared/name-order.ts). */
export function splitFullName(name: string): { firstName: string | null; lastName: string | null } {
  return splitName(name, resolveNameOrder(name, 'auto', ''));
}
