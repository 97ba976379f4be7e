// Which part of a full name is the family name: Japanese, Chinese, Korean and Hungarian names put it
// first ("佐藤 美咲" is Misaki of the Sato family), most others last.
import type { NameOrder } from './imports';

const FAMILY_FIRST_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const FAMILY_FIRST_COUNTRIES: ReadonlySet<string> = new Set(['HU']);
const SPACES = /[\s\u3000]+/u;

export type ResolvedNameOrder = Exclude<NameOrder, 'auto'>;

/** The order a name is written in, from the owner's choice, else its script and the file's country. */
export function resolveNameOrder(name: string, choice: NameOrder, country: string): ResolvedNameOrder {
  if (choice !== 'auto') return choice;
  return FAMILY_FIRST_SCRIPT.test(name) || FAMILY_FIRST_COUNTRIES.has(country) ? 'family_first' : 'given_first';
}

/**
 * A full name into given and family names at its first space, in the name's order. A name without a
 * space is a given name, except in a family-first script, where it cannot be told apart (佐藤美咲) and
 * is left whole as the name only.
 */
export function splitFullName(name: string, order: ResolvedNameOrder): { firstName: string | null; lastName: string | null } {
  const trimmed = name.trim();
  const match = SPACES.exec(trimmed);
  if (!match) return order === 'family_first' && FAMILY_FIRST_SCRIPT.test(trimmed) ? { firstName: null, lastName: null } : { firstName: trimmed, lastName: null };
  const head = trimmed.slice(0, match.index);
  const rest = trimmed.slice(match.index + match[0].length);
  return order === 'family_first' ? { firstName: rest, lastName: head } : { firstName: head, lastName: rest };
}

/** Given and family names as written in the name's order: "美咲", "佐藤" is "佐藤 美咲". */
export function joinName(firstName: string | undefined, lastName: string | undefined, order: ResolvedNameOrder): string {
  if (!firstName || !lastName) return firstName || lastName || '';
  return order === 'family_first' ? `${lastName} ${firstName}` : `${firstName} ${lastName}`;
}
