import { CsvError, parse } from 'csv-parse/sync';
import type { Delimiter } from '../../../shared/imports';
import { invalidInput } from '../errors';
import { sepLineDelimiter } from './detect-delimiter';

export interface TableRow {
  /** The physical line of the file where the row starts; the first line is 1. */
  line: number;
  cells: string[];
}

export interface Table {
  rows: TableRow[];
  /** The widest row's cell count. */
  columnCount: number;
}

/**
 * Every non-blank row of the CSV text, with the line it starts on. Tolerates ragged rows, CRLF, quoted
 * line breaks and stray quotes; skips Excel's `sep=` line. A quote never closed is the owner's to fix.
 */
export function parseTable(text: string, delimiter: Delimiter): Table {
  let records: string[][];
  try {
    // Blank lines are kept as records (and dropped below) so that line numbers can be counted.
    records = parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw invalidInput([{ path: 'file', message: unreadableMessage(error) }]);
  }
  const rows: TableRow[] = [];
  let line = 1;
  for (const cells of records) {
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
    line += 1 + cells.reduce((breaks, cell) => breaks + lineBreaks(cell), 0);
  }
  if (sepLineDelimiter(text) && rows[0]?.line === 1) rows.shift();
  return { rows, columnCount: rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0) };
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
