// The columns of the clients CSV: what the owner sees of each client, in the order the form shows it,
// then their custom fields. Headers are the app's own labels, so the file can be imported again.
import { FIELD_LABELS } from '../../../shared/contacts';
import type { ContactDto } from '../../../shared/dto';

type Column = readonly [header: string, cell: (contact: ContactDto) => string | number | null];

const CONSENT_WORDS = { granted: 'Yes', unknown: 'Not asked', opted_out: 'Opted out' } as const;

const field = (key: keyof ContactDto & keyof typeof FIELD_LABELS): Column => [
  FIELD_LABELS[key] ?? key,
  (contact) => contact[key] as string | number | null,
];

const COLUMNS: readonly Column[] = [
  field('name'),
  field('firstName'),
  field('lastName'),
  field('phone'),
  field('email'),
  field('birthday'),
  field('clientSince'),
  field('lastVisitAt'),
  field('nextAppointmentAt'),
  field('visitCount'),
  // Stored in hundredths whatever the currency (shared/money.ts).
  ['Total spent', (contact) => (contact.totalSpentCents === null ? null : contact.totalSpentCents / 100)],
  ['Tags', (contact) => contact.tags.join(', ')],
  ['Texts allowed', (contact) => CONSENT_WORDS[contact.consent.sms]],
  ['Emails allowed', (contact) => CONSENT_WORDS[contact.consent.email]],
  field('notes'),
  field('leadSource'),
  field('market'),
  field('product'),
  field('leadStatus'),
  field('state'),
  field('zip'),
  field('conversationStatus'),
  field('appointmentStatus'),
  field('createdAt'),
];

export function exportHeaders(customFieldKeys: readonly string[]): string[] {
  return [...COLUMNS.map(([header]) => header), ...customFieldKeys];
}

/** One client's cells, as text, in the order of exportHeaders. */
export function exportRecord(contact: ContactDto, customFieldKeys: readonly string[]): string[] {
  const cells = COLUMNS.map(([, cell]) => cell(contact));
  const custom = customFieldKeys.map((key) => (Object.hasOwn(contact.customFields, key) ? contact.customFields[key] : null));
  return [...cells, ...custom].map((cell) => (cell === null || cell === undefined ? '' : String(cell)));
}

/** Each client of `pages` as a CSV record, a page at a time. */
export function* exportRecords(pages: Iterable<readonly ContactDto[]>, customFieldKeys: readonly string[]): Generator<string[]> {
  for (const page of pages) for (const contact of page) yield exportRecord(contact, customFieldKeys);
}

/** "clients-2026-11-21.csv" */
export function exportFileName(at: Date): string {
  return `clients-${at.toISOString().slice(0, 10)}.csv`;
}
