import { safeCsvText } from '../csv/safe-csv';
import type { ImportRowKind } from '../../../shared/imports';
import type { RejectedRow } from './staging';

export { neutraliseFormula } from '../csv/safe-csv';

/** The second column's title in each kind of rows file. */
export const REASON_HEADERS: Record<ImportRowKind, string> = { rejected: 'Reason', warning: 'Warning', merged: 'Merged into' };
const FILE_SUFFIX: Record<ImportRowKind, string> = { rejected: 'rejected', warning: 'warnings', merged: 'merged' };

/** An import's rows as CSV: line, reason (or warning, or the client merged into), then the row as read. Safe to open in Excel. */
export function rejectedCsv(headers: readonly string[], rows: readonly RejectedRow[], reasonHeader = REASON_HEADERS.rejected): string {
  return safeCsvText([['Line', reasonHeader, ...headers], ...rows.map((row) => [String(row.line), row.rejection, ...row.raw])]);
}

/** "clients.csv" -> "clients-rejected.csv" (or "-warnings", "-merged") */
export function rejectedFileName(fileName: string, kind: ImportRowKind = 'rejected'): string {
  return `${fileName.replace(/\.[^./\\]*$/, '')}-${FILE_SUFFIX[kind]}.csv`;
}
