// The custom field a CSV column is kept as, named after its header. The core suggests it and the
// import screen offers it, so both name a column the same way.
import { customFieldKey } from './contacts';
import { isReservedName } from './reserved-names';

export interface HeaderField {
  key: string;
  /** Why the field is not named as the header is, in the owner's words; null when it is. */
  note: string | null;
}

/** Room left for " 2", " 3", ... when two columns make the same name (keys are at most 60). */
const MAX_BASE_CHARS = 55;

/**
 * The header made a valid custom field name. A name the app keeps for itself (constructor,
 * __proto__, toString, ...) is renamed after its column, e.g. “constructor (column 4)”, and says so.
 * Undefined when nothing of the header can name a field.
 */
export function customFieldFromHeader(header: string, column: number): HeaderField | undefined {
  const base = header
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} _.\-/#&()]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_BASE_CHARS)
    .trim();
  if (isReservedName(base)) {
    const key = `${base} (column ${column + 1})`;
    return { key, note: `“${base}” is a name the app keeps for itself, so this column is kept as “${key}”.` };
  }
  return customFieldKey.safeParse(base).success ? { key: base, note: null } : undefined;
}
