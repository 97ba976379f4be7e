import type { ImportTarget } from '../../../shared/imports';
import { readEmail } from './read-cells';

/** Seven or more digits once spacing and punctuation are gone: a phone number, not a column name. */
const PHONE_LIKE = /^\+?\d{7,}$/;

function looksLikeEmail(cell: string): boolean {
  return readEmail(cell).ok;
}

function looksLikePhone(cell: string): boolean {
  return PHONE_LIKE.test(cell.normalize('NFKC').replace(/[\s().'-]/g, ''));
}

/** A first row holding an email address or a phone number is data: the file has no header row. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return !cells.some((cell) => looksLikeEmail(cell) || looksLikePhone(cell));
}

/** "Column 1", "Column 2", ... for a file without a header row. */
export function numberedHeaders(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Column ${i + 1}`);
}

/** The header row's names, trimmed; columns without one (or beyond it, in ragged files) are numbered. */
export function headerNames(headerCells: readonly string[], columnCount: number): string[] {
  return numberedHeaders(columnCount).map((fallback, i) => headerCells[i]?.trim() || fallback);
}

/** For a file without headers, only what the first row's contents make obvious: email and phone columns. */
export function suggestByContent(firstRow: readonly string[], columnCount: number): ImportTarget[] {
  const targets: ImportTarget[] = [];
  for (let column = 0; column < columnCount; column++) {
    const cell = firstRow[column]?.trim() ?? '';
    const target = looksLikeEmail(cell) ? 'email' : looksLikePhone(cell) ? 'phone' : 'ignore';
    targets.push(targets.includes(target) && target !== 'ignore' ? 'ignore' : target);
  }
  return targets;
}
