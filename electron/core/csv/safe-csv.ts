// Every CSV the app hands the owner (rejected import rows, exported clients) is written here, so each
// is read as UTF-8 and none can run a formula when opened in a spreadsheet.
import { stringify as stringifyStream, type Options, type Stringifier } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

/** A cell Excel would read as a formula (or a DDE command) if it starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixing ' makes a spreadsheet show the cell as text instead of running it. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

// A BOM so Excel reads accents and non-Latin names as UTF-8.
const SAFE: Options = { bom: true, cast: { string: neutraliseFormula } };

/** A small CSV file's text, all at once. */
export function safeCsvText(records: ReadonlyArray<readonly string[]>): string {
  return stringify(records.map((record) => [...record]), SAFE);
}

/** A CSV writer taking one record (an array of strings) at a time: pipe it to a file. */
export function safeCsvStream(): Stringifier {
  return stringifyStream(SAFE);
}
