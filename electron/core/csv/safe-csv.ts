// Every CSV the app hands the owner (rejected import rows, exported clients, the delivery report) is
// written here, so each is read as UTF-8 and none can run a formula when opened in a spreadsheet.
// Written by hand rather than through csv-stringify: a 100,000-row report spent most of its time in
// the library's per-cell machinery, where the rule is a few lines (RFC 4180 quoting).
import type { ReportSeparator } from '../../../shared/tracking';

/** Makes Excel read accents and non-Latin names as UTF-8. */
export const CSV_BOM = '\ufeff';

/** A cell Excel would read as a formula (or a DDE command) if it starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = { ',': /[",\r\n]/, ';': /[";\r\n]/ } as const satisfies Record<ReportSeparator, RegExp>;

/** Prefixing ' makes a spreadsheet show the cell as text instead of running it. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * One record as a line of CSV, newline included: each cell neutralised, and quoted (its quotes doubled)
 * when it holds the separator, a quote or a line break. `;` is the list separator Excel expects where
 * a comma is the decimal point (France, Germany...).
 */
export function safeCsvLine(record: readonly string[], separator: ReportSeparator = ','): string {
  const needsQuotes = NEEDS_QUOTES[separator];
  let line = '';
  for (let i = 0; i < record.length; i++) {
    const cell = neutraliseFormula(record[i] ?? '');
    if (i > 0) line += separator;
    line += needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\n`;
}

/** A small CSV file's text, all at once. */
export function safeCsvText(records: ReadonlyArray<readonly string[]>, separator: ReportSeparator = ','): string {
  return CSV_BOM + records.map((record) => safeCsvLine(record, separator)).join('');
}
