// Bytes that are not UTF-8 decode to U+FFFD without a word. A file may hold U+FFFD itself (as EF BF BD),
// so the lines are found from the bytes, not by looking for the replacement character in the text.
import type { Encoding } from '../../../shared/imports';
import { isValidUtf8 } from './detect-encoding';
import type { TableRow } from './parse-table';

const LF = 0x0a;
const CR = 0x0d;

/**
 * The physical lines (the first is 1) holding bytes that are not valid UTF-8. CRLF, LF and CR each end
 * a line; in UTF-8 those bytes never occur inside a multi-byte character, so splitting the bytes is safe.
 */
export function invalidUtf8Lines(bytes: Uint8Array, encoding: Encoding): number[] {
  if (encoding !== 'utf-8' || isValidUtf8(bytes)) return [];
  const lines: number[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const byte = bytes[i];
    if (i < bytes.length && byte !== LF && byte !== CR) continue;
    if (!isValidUtf8(bytes.subarray(start, i))) lines.push(line);
    if (byte === CR && bytes[i + 1] === LF) i++;
    line++;
    start = i + 1;
  }
  return lines;
}

export function invalidUtf8Message(line: number): string {
  return `The file has bytes that are not valid UTF-8 on line ${line}, so some letters in this row cannot be read. Save the file again as UTF-8, or pick its real encoding under “Letters”.`;
}

/** Rows spanning a line with undecodable bytes are rejected with that line, instead of keeping "Caf�". */
export function rejectUndecodable(rows: TableRow[], badLines: readonly number[]): TableRow[] {
  if (badLines.length === 0) return rows;
  let next = 0;
  return rows.map((row, index) => {
    const end = rows[index + 1]?.line ?? Number.POSITIVE_INFINITY;
    while ((badLines[next] ?? Number.POSITIVE_INFINITY) < row.line) next++;
    const bad = badLines[next];
    return bad === undefined || bad >= end ? row : { ...row, rejection: invalidUtf8Message(bad) };
  });
}
