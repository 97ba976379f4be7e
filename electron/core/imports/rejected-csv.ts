import { stringify } from 'csv-stringify/sync';
import type { RejectedRow } from './staging';

/** A cell Excel would read as a formula (or a DDE command) if it starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixing ' makes a spreadsheet show the cell as text instead of running it. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The rejected rows as CSV: line, reason, then the row as it was read. Safe to open in Excel. */
export function rejectedCsv(headers: readonly string[], rows: readonly RejectedRow[]): string {
  const records = [
    ['Line', 'Reason', ...headers],
    ...rows.map((row) => [String(row.line), row.rejection, ...row.raw]),
  ];
  // A BOM so Excel reads accents and non-Latin names as UTF-8.
  return stringify(
    records.map((record) => record.map(neutraliseFormula)),
    { bom: true },
  );
}

/** "clients.csv" -> "clients-rejected.csv" */
export function rejectedFileName(fileName: string): string {
  return `${fileName.replace(/\.[^./\\]*$/, '')}-rejected.csv`;
}
