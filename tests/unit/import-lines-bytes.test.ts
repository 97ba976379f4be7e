// How the bytes and lines of a file become rows: mixed line ends, NULs, undecodable bytes, files too
// wide or empty, and a property: any table written as CSV with any line ends reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { decodeText } from '../../electron/core/imports/detect-encoding';
import { invalidUtf8Lines, rejectUndecodable } from '../../electron/core/imports/invalid-utf8';
import { parseTable } from '../../electron/core/imports/parse-table';
import { DELIMITERS, type Delimiter } from '../../shared/imports';
import { thrownBy } from '../support/thrown';

const failure = (run: () => unknown): AppError => thrownBy(run, AppError);

describe('line ends', () => {
  it('ends a row at CRLF, LF or CR outside quotes, mixed in one file, as Excel and LibreOffice do', () => {
    const text = 'Name,Phone\r\nAna,1\nBo,2\rCy,3\r\n"Dee\r\nline",4\nEve,5';
    expect(parseTable(text, ',').rows).toEqual([
      { line: 1, cells: ['Name', 'Phone'] },
      { line: 2, cells: ['Ana', '1'] },
      { line: 3, cells: ['Bo', '2'] },
      { line: 4, cells: ['Cy', '3'] },
      { line: 5, cells: ['Dee\r\nline', '4'] },
      { line: 7, cells: ['Eve', '5'] },
    ]);
  });

  it('honours a sep= line ended by a lone CR', () => {
    expect(parseTable('sep=;\rName;Phone\rAna;1', ';').rows).toEqual([
      { line: 2, cells: ['Name', 'Phone'] },
      { line: 3, cells: ['Ana', '1'] },
    ]);
  });
});

describe('bytes', () => {
  it('strips NUL characters from the text', () => {
    expect(decodeText(Buffer.from('Na\0me,Phone\r\nAna\0,1\r\n'), 'utf-8')).toBe('Name,Phone\r\nAna,1\r\n');
  });

  it('finds the lines with bytes that are not UTF-8, but not a U+FFFD the file itself holds', () => {
    const bytes = Buffer.concat([
      Buffer.from('\ufeffName,Notes\r\nAna,Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\nBo,"two\rlines \ufffd ok"\rCy,x'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\r\n'),
    ]);
    expect(invalidUtf8Lines(bytes, 'utf-8')).toEqual([2, 5]);
    expect(invalidUtf8Lines(bytes, 'windows-1252')).toEqual([]);
    expect(invalidUtf8Lines(Buffer.from('Name\r\nCafé \ufffd\r\n'), 'utf-8')).toEqual([]);
  });

  it('rejects each row spanning such a line, naming the line', () => {
    const rows = [
      { line: 2, cells: ['Ana'] },
      { line: 3, cells: ['Bo\nx'] },
      { line: 5, cells: ['Cy'] },
    ];
    const marked = rejectUndecodable(rows, [4, 5]);
    expect(marked[0]?.rejection).toBeUndefined();
    expect(marked[1]?.rejection).toMatch(/^The file has bytes that are not valid UTF-8 on line 4/);
    expect(marked[2]?.rejection).toMatch(/on line 5/);
  });
});

describe('files that cannot be matched', () => {
  it('says in a sentence that a file of blank lines holds no clients', () => {
    expect(failure(() => parseTable('\r\n\n \r\n,,\r', ',')).message).toBe(
      'The file holds only blank lines: there are no clients in it to import.',
    );
  });

  it('says in a sentence that a file wider than 500 columns is too wide', () => {
    const header = Array.from({ length: 501 }, (_, i) => `c${i}`).join(',');
    expect(failure(() => parseTable(`${header}\r\n1,2\r\n`, ',')).message).toMatch(
      /^The file has 501 columns, more than the 500 an import can match\./,
    );
    expect(parseTable(`${header.split(',').slice(0, 500).join(',')}\r\n1\r\n`, ',').columnCount).toBe(500);
  });
});

const EOLS = ['\r\n', '\n', '\r'] as const;

/** A cell as a spreadsheet writes it: quoted when it holds a quote, the delimiter or a line break. */
function writeCell(cell: string, delimiter: Delimiter): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

const cellText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ',', ';', '\t', '|', '\r', '\n', ' ', 'é', '名', '😀', 'ß'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

describe('parseTable, for any table', () => {
  it('reads back the rows written, whatever the cells and line ends', () => {
    const table = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 })).chain(([width, height]) =>
      fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: height, maxLength: height }),
    );
    fc.assert(
      fc.property(table, fc.constantFrom(...DELIMITERS), fc.array(fc.constantFrom(...EOLS), { minLength: 8, maxLength: 8 }), (rows, delimiter, eols) => {
        // A row whose cells are all blank is skipped on reading, and a lone empty cell reads as a blank line.
        const kept = rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
        fc.pre(kept.length > 0 && !/^sep=/i.test(rows[0]?.[0] ?? ''));
        const text = rows.map((cells, i) => cells.map((cell) => writeCell(cell, delimiter)).join(delimiter) + eols[i]).join('');
        expect(parseTable(text, delimiter).rows.map((row) => row.cells)).toEqual(kept);
      }),
      { numRuns: 500 },
    );
  });
});
