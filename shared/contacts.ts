// What a contact is made of: the fields the owner sees, imports into and filters on.
import { z } from 'zod';
import { isReservedName } from './reserved-names';

export const CONSENT_CHANNELS = ['sms', 'email', 'push'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** granted: the client agreed; unknown: nobody said (not reachable for marketing); opted_out: they said no. */
export const CONSENT_STATUSES = ['granted', 'unknown', 'opted_out'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export type Consent = Record<ConsentChannel, ConsentStatus>;

/** The eight fields from the product brief, free text, filterable like the rest. */
export const BRIEF_FIELDS = [
  'leadSource',
  'market',
  'product',
  'leadStatus',
  'state',
  'zip',
  'conversationStatus',
  'appointmentStatus',
] as const;
export type BriefField = (typeof BRIEF_FIELDS)[number];

export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Mobile number',
  email: 'Email',
  birthday: 'Birthday',
  clientSince: 'Client since',
  lastVisitAt: 'Last visit',
  nextAppointmentAt: 'Next appointment',
  visitCount: 'Visits',
  totalSpentCents: 'Total spent',
  notes: 'Notes',
  tags: 'Tags',
  smsConsent: 'Agreed to texts (yes / no)',
  emailConsent: 'Agreed to emails (yes / no)',
  leadSource: 'Lead source',
  market: 'Market',
  product: 'Product',
  leadStatus: 'Lead status',
  state: 'State',
  zip: 'ZIP / postcode',
  conversationStatus: 'Conversation status',
  appointmentStatus: 'Appointment status',
  createdAt: 'Added on',
};

/**
 * A custom field's key as stored in custom_fields JSON: letters, digits, spaces and a little
 * punctuation, and never a name every object inherits (constructor, toString, ...).
 */
export const customFieldKey = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N} _.\-/#&()]+$/u, 'Use letters, numbers and spaces in a custom field name')
  .refine((key) => !isReservedName(key), 'That name is kept for the app’s own use: pick another name for the custom field');

/** 'YYYY-MM-DD', or '--MM-DD' when the year is not known (ISO 8601's form for a yearless date). */
export const birthdaySchema = z
  .string()
  .regex(/^(\d{4}-|--)(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Use a date like 1990-04-23, or --04-23 without the year');
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2024-04-23');
