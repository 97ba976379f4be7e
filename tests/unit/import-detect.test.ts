import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../electron/core/imports/detect-encoding';
import { detectDelimiter, sepLineDelimiter } from '../../electron/core/imports/detect-delimiter';
import { parseTable } from '../../electron/core/imports/parse-table';
import { AppError } from '../../electron/core/errors';
import { csvText, fileBytes } from '../support/csv-fixtures';

const LATIN = csvText(['Name,Phone,Notes', 'José Núñez,4155552671,Paid 20€ señora', 'Renée Côté,4155552672,Crème brûlée']);
const JAPANESE = csvText([
  '名前,携帯電話,メール',
  '山田 太郎,090-1234-5678,taro@example.jp',
  '佐藤 花子,080-2345-6789,hanako@example.jp',
  '鈴木 一郎,070-3456-7890,ichiro@example.jp',
]);

describe('detectEncoding', () => {
  it('is certain of UTF-8 with a BOM, and of plain ASCII or valid UTF-8 without one', () => {
    const certainUtf8 = { encoding: 'utf-8', confidence: 100, askEncoding: false, candidates: ['utf-8'] };
    expect(detectEncoding(fileBytes(LATIN, 'utf-8-bom'))).toEqual(certainUtf8);
    expect(detectEncoding(fileBytes(LATIN, 'utf-8'))).toEqual(certainUtf8);
    expect(detectEncoding(fileBytes('Name,Phone\r\nAna,4155552671\r\n', 'utf-8'))).toEqual(certainUtf8);
  });

  it('knows UTF-16 by its BOM, or by the NULs of Latin text without one', () => {
    expect(detectEncoding(fileBytes(LATIN, 'utf-16le-bom'))).toMatchObject({ encoding: 'utf-16le', confidence: 100, askEncoding: false });
    expect(detectEncoding(fileBytes(LATIN, 'utf-16be-bom'))).toMatchObject({ encoding: 'utf-16be', confidence: 100, askEncoding: false });
    expect(detectEncoding(fileBytes(LATIN, 'utf-16le'))).toMatchObject({ encoding: 'utf-16le', confidence: 90, askEncoding: false });
  });

  it('guesses Shift_JIS for Japanese names but asks, below 80% confidence, offering it first', () => {
    const guess = detectEncoding(fileBytes(JAPANESE, 'shift_jis'));
    expect(guess.encoding).toBe('shift_jis');
    expect(guess.confidence).toBeLessThan(80);
    expect(guess.askEncoding).toBe(true);
    expect(guess.candidates).toEqual(['shift_jis', 'windows-1252']);
  });

  it('guesses Windows-1252 for accented Latin text, but asks: a short list is never a sure guess', () => {
    const guess = detectEncoding(fileBytes(LATIN, 'windows-1252'));
    expect(guess.encoding).toBe('windows-1252');
    expect(guess.confidence).toBeLessThan(80);
    expect(guess.askEncoding).toBe(true);
    expect(guess.candidates).toEqual(['windows-1252', 'shift_jis']);
  });

  it('decodes each encoding back to the same text, without the BOM', () => {
    expect(decodeText(fileBytes(LATIN, 'utf-8-bom'), 'utf-8')).toBe(LATIN);
    expect(decodeText(fileBytes(LATIN, 'utf-16le-bom'), 'utf-16le')).toBe(LATIN);
    expect(decodeText(fileBytes(LATIN, 'windows-1252'), 'windows-1252')).toBe(LATIN);
    expect(decodeText(fileBytes(JAPANESE, 'shift_jis'), 'shift_jis')).toBe(JAPANESE);
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter used the same number of times on every line', () => {
    expect(detectDelimiter(csvText(['Name,Phone,Email', 'Ana,4155552671,ana@salon.dev']))).toBe(',');
    expect(detectDelimiter(csvText(['Name;Phone;Notes', 'Ana;4155552671;"Tea, no sugar"', 'Bo;4155552600;']))).toBe(';');
    expect(detectDelimiter(csvText(['Name\tPhone\tNotes', 'Ana, Lopez\t4155552671\tx']))).toBe('\t');
    expect(detectDelimiter(csvText(['Name|Phone', 'Ana|4155552671']))).toBe('|');
  });

  it('ignores delimiters inside quotes, including across quoted line breaks', () => {
    const text = csvText(['Name;Notes;Phone', '"Lopez, Ana";"a,b,c\r\nd,e";4155552671', 'Bo;x;4155552600']);
    expect(detectDelimiter(text)).toBe(';');
  });

  it('honours an Excel sep= first line', () => {
    const text = csvText(['sep=;', 'Name,Phone;Email', 'Ana,B;ana@salon.dev']);
    expect(sepLineDelimiter(text)).toBe(';');
    expect(detectDelimiter(text)).toBe(';');
    expect(sepLineDelimiter('Name,Phone\n')).toBeUndefined();
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter(csvText(['Email', 'ana@salon.dev']))).toBe(',');
  });
});

describe('parseTable', () => {
  it('numbers each row by the physical line it starts on, through CRLF, quoted line breaks and blank lines', () => {
    // Excel writes CRLF between rows and a bare LF inside a cell.
    const text = 'Name,Notes\r\nAna,"one\r\ntwo\nthree"\r\n\r\nBo,x\r\n,\r\nCy,y';
    expect(parseTable(text, ',').rows).toEqual([
      { line: 1, cells: ['Name', 'Notes'] },
      { line: 2, cells: ['Ana', 'one\r\ntwo\nthree'] },
      { line: 6, cells: ['Bo', 'x'] },
      { line: 8, cells: ['Cy', 'y'] },
    ]);
  });

  it('counts lines the same in a file with LF or old Mac CR line ends', () => {
    const expected = [
      { line: 1, cells: ['Name', 'Notes'] },
      { line: 2, cells: ['Ana', 'a\nb'] },
      { line: 5, cells: ['Bo', 'x'] },
    ];
    expect(parseTable('Name,Notes\nAna,"a\nb"\n\nBo,x\n', ',').rows).toEqual(expected);
    expect(parseTable('Name,Notes\rAna,"a\nb"\r\rBo,x', ',').rows).toEqual(expected);
  });

  it('keeps ragged rows as they are and counts the widest', () => {
    const table = parseTable(csvText(['a,b,c', '1', '1,2,3,4,5']), ',');
    expect(table.rows.map((row) => row.cells)).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4', '5']]);
    expect(table.columnCount).toBe(5);
  });

  it('skips the sep= line but keeps counting it', () => {
    const table = parseTable(csvText(['sep=;', 'Name;Phone', 'Ana;4155552671']), ';');
    expect(table.rows).toEqual([
      { line: 2, cells: ['Name', 'Phone'] },
      { line: 3, cells: ['Ana', '4155552671'] },
    ]);
  });

  it('refuses a quote that is never closed', () => {
    let caught: unknown;
    try {
      parseTable('Name,Notes\r\nAna,"never closed\r\nBo,x\r\n', ',');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid_input');
    expect((caught as AppError).message).toMatch(/^A quote \("\) opens a cell that never closes/);
  });
});
