import { FIELD_LABELS } from '../../../shared/contacts';
import type { ConsentValueMeaning, ImportTarget, NameOrder } from '../../../shared/imports';
import { joinName, resolveNameOrder, splitFullName } from '../../../shared/name-order';
import type { ContactValues } from '../contacts/contact-values';
import { readConsent, type ConsentReading } from './read-consent';
import {
  readDateCell,
  readEmail,
  readPhone,
  readTags,
  readText,
  readTotalSpent,
  readVisitCount,
  type CellResult,
} from './read-cells';
import type { DateContext } from './read-date';

/** The contact fields an import sets, as merged: the birthday as one ISO string, money in cents. */
export type ImportedFields = Omit<ContactValues, 'birthMonth' | 'birthDay' | 'birthYear' | 'customFields'> & {
  birthday: string | null;
};

/** One usable row as staged: only the fields the row has a value for. */
export interface ImportedContact {
  fields: Partial<ImportedFields>;
  customFields: Record<string, string>;
  tags: string[];
  /** The client's own answer per channel, from a consent column; absent when the file says nothing. */
  consent?: Partial<Record<'sms' | 'email', ConsentReading>>;
}

/** A kept row carries the values it lost or that were read differently, in words (`warnings`). */
export type NormalisedRow =
  | { contact: ImportedContact; rejection: null; warnings: readonly string[] }
  | { contact: null; rejection: string; warnings: readonly string[] };

export interface RowContext {
  /** The file's country (the salon's unless the owner chose another): national numbers are read in it. */
  country: string;
  dates: DateContext;
  /** The owner's reading of consent values, by consentValueKey. */
  consentValues: ReadonlyMap<string, ConsentValueMeaning>;
  nameOrder: NameOrder;
}

type FieldTarget = Exclude<ImportTarget, 'ignore' | 'tags' | 'smsConsent' | 'emailConsent' | `custom:${string}`>;
type CellReader = (text: string, context: RowContext) => CellResult<string | number>;

const freeText =
  (field: string, max: number): CellReader =>
  (value) =>
    readText(FIELD_LABELS[field] ?? field, value, max);

/** Each column target: the field it fills and how its cells are read. Limits match the contract's. */
const FIELDS: Record<FieldTarget, { field: keyof ImportedFields; read: CellReader }> = {
  name: { field: 'name', read: freeText('name', 200) },
  firstName: { field: 'firstName', read: freeText('firstName', 100) },
  lastName: { field: 'lastName', read: freeText('lastName', 100) },
  phone: { field: 'phone', read: (value, context) => readPhone(value, context.country) },
  email: { field: 'email', read: readEmail },
  birthday: { field: 'birthday', read: (value, context) => readDateCell('birthday', value, context.dates) },
  clientSince: { field: 'clientSince', read: (value, context) => readDateCell('clientSince', value, context.dates) },
  lastVisitAt: { field: 'lastVisitAt', read: (value, context) => readDateCell('lastVisitAt', value, context.dates) },
  nextAppointmentAt: { field: 'nextAppointmentAt', read: (value, context) => readDateCell('nextAppointmentAt', value, context.dates) },
  visitCount: { field: 'visitCount', read: readVisitCount },
  totalSpent: { field: 'totalSpentCents', read: readTotalSpent },
  notes: { field: 'notes', read: freeText('notes', 5000) },
  leadSource: { field: 'leadSource', read: freeText('leadSource', 200) },
  market: { field: 'market', read: freeText('market', 200) },
  product: { field: 'product', read: freeText('product', 200) },
  leadStatus: { field: 'leadStatus', read: freeText('leadStatus', 200) },
  state: { field: 'state', read: freeText('state', 200) },
  zip: { field: 'zip', read: freeText('zip', 40) },
  conversationStatus: { field: 'conversationStatus', read: freeText('conversationStatus', 200) },
  appointmentStatus: { field: 'appointmentStatus', read: freeText('appointmentStatus', 200) },
};

const MAX_CUSTOM_CHARS = 1000;
const NO_WARNINGS: readonly string[] = [];
const NOBODY = 'No name, mobile number or email: there is nobody to add.';
const UNREACHABLE = 'No usable mobile number or email: the client was added, but cannot get messages until you add one.';

/**
 * One row's cells into contact fields, by the owner's mapping. A value that cannot be read is left out
 * with a warning naming it, and the rest of the row is kept: a row is rejected only when it leaves no
 * name, mobile number or email. A row without any name is kept: the merge names a new client after
 * their email or number.
 */
export function normaliseRow(cells: readonly string[], mapping: readonly ImportTarget[], context: RowContext): NormalisedRow {
  const contact: ImportedContact = { fields: {}, customFields: {}, tags: [] };
  let warnings: string[] | undefined;
  for (let column = 0; column < mapping.length; column++) {
    const target = mapping[column] as ImportTarget;
    const value = cells[column]?.trim() ?? '';
    // The booking system's export is the truth for bookings: an empty cell says none is booked, so it is a value.
    if (target === 'nextAppointmentAt' && value === '') contact.fields.nextAppointmentAt = null;
    if (target === 'ignore' || value === '') continue;
    const result = readInto(contact, target, value, context);
    if (!result.ok) (warnings ??= []).push(result.reason);
    else if (result.note) (warnings ??= []).push(result.note);
  }
  const { fields } = contact;
  completeName(fields, context);
  if (!fields.phone && !fields.email) {
    if (!fields.name) return { contact: null, rejection: [...(warnings ?? []), NOBODY].join(' '), warnings: NO_WARNINGS };
    (warnings ??= []).push(UNREACHABLE);
  }
  return { contact, rejection: null, warnings: warnings ?? NO_WARNINGS };
}

function readInto(contact: ImportedContact, target: ImportTarget, value: string, context: RowContext): CellResult<unknown> {
  if (target === 'tags') {
    const result = readTags(value);
    if (result.ok) contact.tags.push(...result.value);
    return result;
  }
  if (target === 'smsConsent' || target === 'emailConsent') {
    const channel = target === 'smsConsent' ? 'sms' : 'email';
    const result = readConsent(channel, value, context.consentValues);
    if (result.ok && result.value) (contact.consent ??= {})[channel] = result.value;
    return result;
  }
  if (target.startsWith('custom:')) {
    const key = target.slice('custom:'.length);
    const result = readText(key, value, MAX_CUSTOM_CHARS);
    if (result.ok) contact.customFields[key] = result.value;
    return result;
  }
  const { field, read } = FIELDS[target as FieldTarget];
  const result = read(value, context);
  if (result.ok) (contact.fields as Record<string, unknown>)[field] = result.value;
  return result;
}

/** A full name, or given and family names joined in the name's order; a full name alone is split by it. */
function completeName(fields: Partial<ImportedFields>, context: RowContext): void {
  if (fields.name) {
    if (fields.firstName || fields.lastName) return;
    const { firstName, lastName } = splitFullName(fields.name, resolveNameOrder(fields.name, context.nameOrder, context.country));
    if (firstName) fields.firstName = firstName;
    if (lastName) fields.lastName = lastName;
    return;
  }
  const { firstName, lastName } = fields;
  if (!firstName && !lastName) return;
  // The family name's script tells the order (佐藤 of 佐藤 美咲), else the given name's.
  const order = resolveNameOrder(lastName || firstName || '', context.nameOrder, context.country);
  fields.name = joinName(firstName ?? undefined, lastName ?? undefined, order);
}
