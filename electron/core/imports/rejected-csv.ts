import { safeCsvText } from '../csv/safe-csv';
import type { RejectedRow } from './staging';

export { neutraliseFormula } from '../csv/safe-csv';

/** The rejected rows as CSV: line, reason, then the row as it was read. Safe to open in Excel. */
export function rejectedCsv(headers: readonly string[], rows: readonly RejectedRow[]): string {
  return safeCsvText([['Line', 'Reason', ...headers], ...rows.map((row) => [String(row.line), row.rejection, ...row.raw])]);
}

/** "clients.csv" -> "clients-rejected.csv" */
export function rejectedFileName(fileName: string): string {
  return `${fileName.replace(/\.[^./\\]*$/, '')}-rejected.csv`;
}
