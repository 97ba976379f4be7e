// What the import's options show of the file: each consent value and its meaning, and how full names split.
import { consentValueKey, suggestConsentMeaning } from '../../../shared/consent-values';
import type { ConsentValueMeaning, ImportTarget, NameOrder } from '../../../shared/imports';
import { resolveNameOrder, splitFullName } from '../../../shared/name-order';

export const MEANING_LABELS: Record<ConsentValueMeaning, string> = {
  granted: 'Agreed',
  opted_out: 'Said no (opted out)',
  unknown: 'Says nothing',
};

export interface ConsentValueRow {
  value: string;
  rows: number;
  meaning: ConsentValueMeaning;
}

/** Each value found in a consent column with what it will mean: the owner's choice, else the usual words. */
export function consentValueRows(
  values: ReadonlyArray<{ value: string; rows: number }>,
  owners: Readonly<Record<string, ConsentValueMeaning>>,
): ConsentValueRow[] {
  return values.map(({ value, rows }) => ({ value, rows, meaning: owners[consentValueKey(value)] ?? suggestConsentMeaning(value) }));
}

/** The owner's choice for one value, keyed as the core compares values. */
export function withMeaning(
  owners: Readonly<Record<string, ConsentValueMeaning>>,
  value: string,
  meaning: ConsentValueMeaning,
): Record<string, ConsentValueMeaning> {
  return { ...owners, [consentValueKey(value)]: meaning };
}

export interface NameSplit {
  written: string;
  family: string | null;
  given: string | null;
}

/**
 * How the first rows' full names will split, when the file has a full-name column and not both given and
 * family names of its own; null when there is nothing to split.
 */
export function nameSplits(
  rows: readonly string[][],
  mapping: readonly ImportTarget[],
  order: NameOrder,
  country: string,
  count = 5,
): NameSplit[] | null {
  const column = mapping.indexOf('name');
  if (column < 0 || (mapping.includes('firstName') && mapping.includes('lastName'))) return null;
  return rows
    .map((row) => row[column]?.trim() ?? '')
    .filter(Boolean)
    .slice(0, count)
    .map((written) => {
      const { firstName, lastName } = splitFullName(written, resolveNameOrder(written, order, country));
      return { written, family: lastName, given: firstName };
    });
}
