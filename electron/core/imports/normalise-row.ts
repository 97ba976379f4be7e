import { FIELD_LABELS } from '../../../shared/contacts';
import type { ImportTarget } from '../../../shared/imports';
import { splitFullName, type ContactValues } from '../contacts/contact-values';
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
}

export type NormalisedRow = { contact: ImportedContact; rejection: null } | { contact: null; rejection: string };

export interface RowContext {
  /** The salon's country: national phone numbers are read in it. */
  country: string;
  dates: DateContext;
}

type FieldTarget = Exclude<ImportTarget, 'ignore' | 'tags' | `custom:${string}`>;
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
const NO_ADDRESS = 'No mobile number or email: add one so you can reach this client.';

/**
 * One row's cells into contact fields, by the owner's mapping. A row is rejected when a value is there
 * but cannot be read (the reason names each one), or when it has neither a mobile number nor an email.
 * A row without any name is kept: the merge names a new client after their email or number.
 */
export function normaliseRow(cells: readonly string[], mapping: readonly ImportTarget[], context: RowContext): NormalisedRow {
  const contact: ImportedContact = { fields: {}, customFields: {}, tags: [] };
  const problems: string[] = [];
  mapping.forEach((target, column) => {
    const value = cells[column]?.trim() ?? '';
    if (target === 'ignore' || value === '') return;
    const result = readInto(contact, target, value, context);
    if (!result.ok) problems.push(result.reason);
  });
  completeName(contact.fields);
  if (problems.length === 0 && !contact.fields.phone && !contact.fields.email) problems.push(NO_ADDRESS);
  return problems.length > 0 ? { contact: null, rejection: problems.join(' ') } : { contact, rejection: null };
}

function readInto(contact: ImportedContact, target: ImportTarget, value: string, context: RowContext): CellResult<unknown> {
  if (target === 'tags') {
    const result = readTags(value);
    if (result.ok) contact.tags.push(...result.value);
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

/** A full name, or first and last joined; a full name alone is split at its first space. */
function completeName(fields: Partial<ImportedFields>): void {
  if (fields.name) {
    if (fields.firstName || fields.lastName) return;
    const { firstName, lastName } = splitFullName(fields.name);
    fields.firstName = firstName;
    if (lastName) fields.lastName = lastName;
    return;
  }
  const joined = [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  if (joined) fields.name = joined;
}
