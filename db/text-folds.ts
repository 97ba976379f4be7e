// How a contact's text is stored for comparisons without regard to case (shared/text-fold.ts).
//
// SQLite's NOCASE and LIKE fold ASCII letters only. Beside each text column, `<column>_fold` holds the
// folded text where that is not enough ("Élite", "STRASSE", "e" + U+0301), and null where it is: so
// COALESCE(<column>_fold, <column>) under NOCASE or LIKE compares exactly as the folded text would.
// Null for plain ASCII keeps the rows of an English list as narrow as before: a full copy of every
// text column made the live audience count a quarter slower.
import { foldText, isAscii } from '../shared/text-fold';

/** Every text column of `contacts` the owner can filter or search on; each has a `_fold` twin. */
export const FOLDED_CONTACT_COLUMNS = [
  'name',
  'first_name',
  'last_name',
  'phone',
  'email',
  'notes',
  'lead_source',
  'market',
  'product',
  'lead_status',
  'state',
  'zip',
  'conversation_status',
  'appointment_status',
] as const;
export type FoldedContactColumn = (typeof FOLDED_CONTACT_COLUMNS)[number];

/** Columns written with `contactFolds`, in its order. */
export const FOLD_COLUMNS: readonly string[] = [...FOLDED_CONTACT_COLUMNS.map((column) => `${column}_fold`), 'custom_fields_fold'];

/** The comparison key of a text column, as SQL: compare it under NOCASE or with LIKE. */
export function foldedColumnSql(column: FoldedContactColumn): string {
  return `COALESCE(${column}_fold, ${column})`;
}

/** The comparison key of a custom field; takes the field's JSON path as a parameter, twice. */
export const FOLDED_CUSTOM_FIELD_SQL = 'COALESCE(json_extract(custom_fields_fold, ?), json_extract(custom_fields, ?))';

/** What `<column>_fold` holds for `text`: its folded form, or null where NOCASE already compares it so. */
export function nocaseFold(text: string | null): string | null {
  if (text === null || isAscii(text)) return null;
  const folded = foldText(text);
  return folded === lowerAscii(text) ? null : folded;
}

/** `custom_fields_fold`: the folded values that need one, by key, as JSON; null when none does. */
export function customFieldsFold(fields: Readonly<Record<string, string>>): string | null {
  const folded = Object.entries(fields).flatMap(([key, value]) => {
    const fold = nocaseFold(value);
    return fold === null ? [] : [[key, fold] as const];
  });
  return folded.length === 0 ? null : JSON.stringify(Object.fromEntries(folded));
}

/** The values of FOLD_COLUMNS for a contact, given its text by column and its custom fields. */
export function contactFolds(
  textOf: (column: FoldedContactColumn) => string | null,
  customFields: Readonly<Record<string, string>>,
): Array<string | null> {
  const folds = FOLDED_CONTACT_COLUMNS.map((column) => nocaseFold(textOf(column)));
  folds.push(customFieldsFold(customFields));
  return folds;
}

function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
