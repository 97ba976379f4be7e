import { customFieldFromHeader } from '../../../shared/custom-field-from-header';
import type { ImportTarget } from '../../../shared/imports';

type FieldTarget = Exclude<ImportTarget, 'ignore' | `custom:${string}`>;

/** Header names (compared without case, spaces or punctuation) that each target is known by. */
const HEADER_NAMES: Record<FieldTarget, string[]> = {
  name: ['name', 'full name', 'client name', 'customer name', 'contact name', 'client', 'customer'],
  firstName: ['first name', 'first', 'given name', 'forename', 'fname'],
  lastName: ['last name', 'last', 'surname', 'family name', 'lname'],
  phone: [
    'mobile', 'mobile number', 'mobile phone', 'mobile no', 'cell', 'cell phone', 'cell number', 'cellphone',
    'phone', 'phone number', 'phone no', 'telephone', 'tel', 'sms',
  ],
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'mail'],
  birthday: ['birthday', 'date of birth', 'dob', 'birth date', 'birthdate'],
  clientSince: [
    'client since', 'customer since', 'member since', 'first visit', 'first visit date', 'created', 'created at',
    'created on', 'date created', 'creation date', 'added', 'date added', 'joined',
  ],
  lastVisitAt: ['last visit', 'last visit date', 'last appointment', 'last appointment date', 'last booking'],
  visitCount: ['visits', 'visit count', 'number of visits', 'no of visits', 'total visits', 'visits count'],
  totalSpent: ['total spent', 'total spend', 'spent', 'lifetime value', 'ltv', 'revenue', 'total revenue', 'total sales', 'sales'],
  tags: ['tags', 'tag', 'groups', 'group', 'labels', 'label'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
  leadSource: ['lead source', 'source', 'referral source', 'referred by'],
  market: ['market'],
  product: ['product', 'products'],
  leadStatus: ['lead status'],
  state: ['state', 'province', 'state province'],
  zip: ['zip', 'zip code', 'zipcode', 'postcode', 'post code', 'postal code'],
  conversationStatus: ['conversation status'],
  appointmentStatus: ['appointment status'],
};

const TARGET_BY_NAME = new Map<string, FieldTarget>(
  (Object.entries(HEADER_NAMES) as Array<[FieldTarget, string[]]>).flatMap(([target, names]) =>
    names.map((name) => [comparable(name), target] as const),
  ),
);

/**
 * A target per column from its header: a known name maps to its field, anything else is kept as a
 * custom field of the same name (renamed after its column when the app keeps that name for itself).
 * Each field is suggested once (a repeated header becomes a custom field); only a column without a
 * usable header is ignored.
 */
export function suggestMapping(headerCells: readonly string[], columnCount: number): ImportTarget[] {
  const used = new Set<string>();
  return Array.from({ length: columnCount }, (_, column): ImportTarget => {
    const header = headerCells[column]?.trim() ?? '';
    const field = TARGET_BY_NAME.get(comparable(header));
    if (field && !used.has(field)) {
      used.add(field);
      return field;
    }
    const key = customKey(header, column, used);
    if (!key) return 'ignore';
    used.add(`custom:${key}`);
    return `custom:${key}`;
  });
}

function comparable(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The header as a valid custom field key, made unique with a number when it repeats. */
function customKey(header: string, column: number, used: ReadonlySet<string>): string | undefined {
  const base = customFieldFromHeader(header, column)?.key;
  if (!base) return undefined;
  let key = base;
  for (let n = 2; used.has(`custom:${key}`); n++) key = `${base} ${n}`;
  return key;
}
