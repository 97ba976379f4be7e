import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../electron/core/csv/safe-csv';
import { ExportStore } from '../../electron/core/exports/export-store';
import { REPORT_SEPARATORS } from '../../shared/tracking';

const dir = mkdtempSync(join(tmpdir(), 'salon-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = new ExportStore(dir);

/** Every byte of an export, read in pieces as the renderer does. */
function readAll(fileId: string): Buffer {
  const parts: Buffer[] = [];
  for (let done = false, offset = 0; !done; ) {
    const piece = store.readChunk(fileId, offset);
    const bytes = Buffer.from(piece.chunk, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    done = piece.done;
  }
  return Buffer.concat(parts);
}

// Any text a cell can hold: every Unicode character (kanji, emoji, accents), quotes, both separators,
// line breaks and the characters a formula starts with, far more often than chance would give them.
const cell = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', 'a', '佐', 'é') }),
);

describe('a cell of an export (clients, delivery report)', () => {
  it('reads back from the file as written, with a formula start neutralised', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REPORT_SEPARATORS), fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), async (separator, records) => {
        const header = ['A', 'B', 'C'];
        const { fileId, rows } = await store.write({ header, records, separator });
        expect(rows).toBe(records.length);
        const bytes = readAll(fileId);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const parsed = parse(bytes, { bom: true, delimiter: separator, relax_column_count: false }) as string[][];
        expect(parsed).toEqual([header, ...records.map((record) => record.map(neutraliseFormula))]);
      }),
      { numRuns: 200 },
    );
  });

  it('never starts with a character a spreadsheet runs as a formula', () => {
    fc.assert(
      fc.property(cell, (text) => {
        expect(neutraliseFormula(text)).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
