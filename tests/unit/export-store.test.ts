import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportStore } from '../../electron/core/exports/export-store';

describe('an export file', () => {
  let dir: string;
  let store: ExportStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salon-export-'));
    store = new ExportStore(join(dir, 'exports'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is not left half-written when its records fail mid-way', async () => {
    function* records(): Generator<string[]> {
      for (let i = 0; i < 50_000; i++) yield [`row ${i}`, 'x'.repeat(20)];
      throw new Error('the database went away');
    }
    await expect(store.write({ header: ['A', 'B'], records: records() })).rejects.toThrow('the database went away');
    expect(readdirSync(join(dir, 'exports'))).toEqual([]);
  });

  it('fails, and stops reading records, when the file cannot be written', async () => {
    let read = 0;
    function* records(): Generator<string[]> {
      for (;;) {
        read++;
        yield ['x'.repeat(1000)];
      }
    }
    const write = store.write({ header: ['A'], records: records() });
    // The folder goes before the file is opened (as when the data folder is unplugged).
    rmSync(join(dir, 'exports'), { recursive: true, force: true });
    await expect(write).rejects.toThrow(/ENOENT/);
    expect(read).toBeLessThan(1_000);
  });

  it('is taken once: a second read or save finds nothing', async () => {
    const { fileId, rows } = await store.write({ header: ['A'], records: [['1'], ['2']] });
    expect(rows).toBe(2);
    const { chunk, done } = store.readChunk(fileId, 0);
    expect(done).toBe(true);
    expect(Buffer.from(chunk, 'base64').toString('utf8')).toBe('\ufeffA\n1\n2\n');
    expect(() => store.readChunk(fileId, 0)).toThrow(/was not found/);
    await expect(store.saveTo(fileId, join(dir, 'copy.csv'))).rejects.toThrow(/was not found/);
  });

  it('is cleared with whatever a closed window left behind', async () => {
    await store.write({ header: ['A'], records: [] });
    await store.write({ header: ['A'], records: [] });
    store.removeAll();
    expect(readdirSync(join(dir, 'exports'))).toEqual([]);
  });
});
