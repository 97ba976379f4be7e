import { customFieldFromHeader } from '../../../shared/custom-field-from-header';
import type { ImportTarget } from '../../../shared/imports';
import { foldText } from '../../../shared/text-fold';
import { FAMILY_OR_FULL_NAME, GIVEN_OR_FULL_NAME, HEADER_SYNONYMS, type FieldTarget } from './header-synonyms';

interface HeaderMatch {
  target: FieldTarget;
  /** The name's place in its field's list: the lowest fills the field when several columns could. */
  rank: number;
}

/** A header as compared: folded, without accents on Latin letters, spaces or punctuation. */
export function comparableHeader(header: string): string {
  return foldText(header.normalize('NFKC'))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .normalize('NFC');
}

/** Every known name, compared; a name two fields both claim is a mistake in the table. */
function matchesByName(): Map<string, HeaderMatch> {
  const byName = new Map<string, HeaderMatch>();
  for (const [target, names] of Object.entries(HEADER_SYNONYMS) as Array<[FieldTarget, readonly string[]]>) {
    names.forEach((name, rank) => {
      const key = comparableHeader(name);
      if (key === '') throw new Error(`“${name}” has nothing to compare once folded`);
      const known = byName.get(key);
      if (known && known.target !== target) throw new Error(`“${name}” is a name of both ${known.target} and ${target}`);
      if (!known) byName.set(key, { target, rank });
    });
  }
  return byName;
}

const MATCH_BY_NAME = matchesByName();
const FAMILY_OR_FULL = new Set(FAMILY_OR_FULL_NAME.map(comparableHeader));
const GIVEN_OR_FULL = new Set(GIVEN_OR_FULL_NAME.map(comparableHeader));

/**
 * A target per column from its header: a known name maps to its field, anything else is kept as a
 * custom field of the same name (renamed after its column when the app keeps that name for itself).
 * Each field is suggested once, for the column named most surely for it (a repeated or second-best
 * header becomes a custom field); only a column without a usable header is ignored.
 */
export function suggestMapping(headerCells: readonly string[], columnCount: number): ImportTarget[] {
  const headers = Array.from({ length: columnCount }, (_, column) => headerCells[column]?.trim() ?? '');
  const matches = inContext(headers.map((header) => MATCH_BY_NAME.get(comparableHeader(header))), headers);
  const winners = bestColumnPerTarget(matches);
  const used = new Set<string>();
  return headers.map((header, column): ImportTarget => {
    const field = matches[column]?.target;
    if (field && winners.get(field) === column) return field;
    const key = customKey(header, column, used);
    if (!key) return 'ignore';
    used.add(key);
    return `custom:${key}`;
  });
}

/** "Nom" is the family name beside a "Prénom" column, "Nombre" the given name beside "Apellidos". */
function inContext(matches: ReadonlyArray<HeaderMatch | undefined>, headers: readonly string[]): Array<HeaderMatch | undefined> {
  const has = (target: FieldTarget) => matches.some((match) => match?.target === target);
  return matches.map((match, column) => {
    if (match?.target !== 'name') return match;
    const key = comparableHeader(headers[column] ?? '');
    if (FAMILY_OR_FULL.has(key) && has('firstName') && !has('lastName')) return { target: 'lastName', rank: 0 };
    if (GIVEN_OR_FULL.has(key) && has('lastName') && !has('firstName')) return { target: 'firstName', rank: 0 };
    return match;
  });
}

/** For each field, the column whose header ranks first for it; the leftmost of equals. */
function bestColumnPerTarget(matches: ReadonlyArray<HeaderMatch | undefined>): Map<FieldTarget, number> {
  const best = new Map<FieldTarget, number>();
  matches.forEach((match, column) => {
    if (!match) return;
    const current = best.get(match.target);
    if (current === undefined || match.rank < (matches[current]?.rank ?? Infinity)) best.set(match.target, column);
  });
  return best;
}

/** The header as a valid custom field key, made unique with a number when it repeats. */
function customKey(header: string, column: number, used: ReadonlySet<string>): string | undefined {
  const base = customFieldFromHeader(header, column)?.key;
  if (!base) return undefined;
  let key = base;
  for (let n = 2; used.has(key); n++) key = `${base} ${n}`;
  return key;
}
