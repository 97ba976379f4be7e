import { CsvError, parse } from 'csv-parse/sync';
import { MAX_IMPORT_COLUMNS, type Delimiter } from '../../../shared/imports';
import { invalidInput } from '../errors';
import { sepLineDelimiter } from './detect-delimiter';

export interface TableRow {
  /** The physical line of the file where the row starts; the first line is 1. */
  line: number;
  cells: string[];
  /** Why the row cannot be read at all, found before its cells are (bytes that are not text). */
  rejection?: string;
}

export interface Table {
  rows: TableRow[];
  /** The widest row's cell count. */
  columnCount: number;
}

/** As Excel and LibreOffice read a file: outside quotes, each of CRLF, LF and CR ends a row, mixed as they may be. */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r'];

/**
 * Every non-blank row of the CSV text, with the line it starts on. Tolerates ragged rows, mixed line
 * ends, quoted line breaks and stray quotes; skips Excel's `sep=` line. A quote never closed, a file of
 * blank lines and one too wide to match are the owner's to fix.
 */
export function parseTable(text: string, delimiter: Delimiter): Table {
  const table = rowsOf(parseRecords(text, delimiter));
  if (sepLineDelimiter(text) && table.rows[0]?.line === 1) table.rows.shift();
  refuseUnusable(table);
  return table;
}

function parseRecords(text: string, delimiter: Delimiter): string[][] {
  try {
    // Blank lines are kept as records (and dropped below) so that line numbers can be counted.
    return parse(text, { delimiter, bom: true, record_delimiter: RECORD_DELIMITERS, relax_column_count: true, relax_quotes: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw invalidInput([{ path: 'file', message: unreadableMessage(error) }]);
  }
}

function rowsOf(records: readonly string[][]): Table {
  const rows: TableRow[] = [];
  let line = 1;
  for (const cells of records) {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
    line += 1 + cells.reduce((breaks, cell) => breaks + lineBreaks(cell), 0);
  }
  return { rows, columnCount: rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0) };
}

function refuseUnusable({ rows, columnCount }: Table): void {
  if (rows.length === 0) {
    throw invalidInput([{ path: 'file', message: 'The file holds only blank lines: there are no clients in it to import.' }]);
  }
  if (columnCount > MAX_IMPORT_COLUMNS) {
    const message = `The file has ${columnCount} columns, more than the ${MAX_IMPORT_COLUMNS} an import can match. Delete the columns you do not need in a spreadsheet, save it as CSV and import it again.`;
    throw invalidInput([{ path: 'file', message }]);
  }
}

/** Line breaks inside a quoted cell: LF, CRLF or a lone CR each end a physical line. */
function lineBreaks(cell: string): number {
  if (!cell.includes('\n') && !cell.includes('\r')) return 0;
  return cell.match(/\r\n|\n|\r/g)?.length ?? 0;
}

function unreadableMessage(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'A quote (") opens a cell that never closes, so the rest of the file runs into it. Open the file in a spreadsheet and save it again as CSV.';
  }
  const line = /line (\d+)/.exec(error.message)?.[1];
  return `The file could not be read as CSV${line ? ` near line ${line}` : ''}. Open it in a spreadsheet and save it again as CSV.`;
}
