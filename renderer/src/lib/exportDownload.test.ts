import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';
import { readExport } from './exportDownload';

describe('readExport', () => {
  it('reads every piece from where the last one ended, into one file', async () => {
    const file = new TextEncoder().encode('\ufeffName\r\nHélène\r\n佐藤 美咲\r\n');
    const asked: number[] = [];
    const blob = await readExport(async (offset) => {
      asked.push(offset);
      const piece = file.subarray(offset, offset + 7);
      return { chunk: bytesToBase64(piece), done: offset + 7 >= file.length };
    });
    expect(asked).toEqual([0, 7, 14, 21, 28]);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(file);
    expect(blob.type).toBe('text/csv;charset=utf-8');
  });
});
