import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64 } from './base64';

const FILE = new TextEncoder().encode('\ufeffName\r\nHélène\r\n佐藤 美咲\r\n');

function pieceOf(offset: number): { chunk: string; done: boolean } {
  return { chunk: bytesToBase64(FILE.subarray(offset, offset + 7)), done: offset + 7 >= FILE.length };
}

let host: 'desktop' | 'web' = 'web';
const calls: Array<[string, unknown]> = [];
const downloads: Array<[string, Blob]> = [];
const ANSWERS: Record<string, (input: { offset: number }) => unknown> = {
  'app.info': () => ({ host }),
  'exports.saveAs': () => ({ saved: true, path: '/home/ana/Downloads/report.csv' }),
  'exports.chunk': ({ offset }) => pieceOf(offset),
};
vi.mock('../api/client', () => ({
  call: async (method: string, input: { offset: number }) => {
    calls.push([method, input]);
    return ANSWERS[method]?.(input);
  },
}));
vi.mock('./download', () => ({ downloadBlob: (name: string, blob: Blob) => downloads.push([name, blob]) }));
const { readExport, reportSeparatorFor, saveExport } = await import('./exportDownload');

describe('readExport', () => {
  it('reads every piece from where the last one ended, into one file', async () => {
    const asked: number[] = [];
    const blob = await readExport(async (offset) => {
      asked.push(offset);
      return pieceOf(offset);
    });
    expect(asked).toEqual([0, 7, 14, 21, 28]);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(FILE);
    expect(blob.type).toBe('text/csv;charset=utf-8');
  });
});

describe('saveExport', () => {
  const file = { fileId: 'abcdefgh-1', fileName: 'report.csv' };
  beforeEach(() => {
    calls.length = 0;
    downloads.length = 0;
  });

  it('asks the desktop shell to save through its dialog, and downloads nothing', async () => {
    host = 'desktop';
    expect(await saveExport(file)).toEqual({ saved: true, path: '/home/ana/Downloads/report.csv' });
    expect(calls).toEqual([
      ['app.info', {}],
      ['exports.saveAs', file],
    ]);
    expect(downloads).toEqual([]);
  });

  it('downloads the whole file in the browser', async () => {
    host = 'web';
    expect(await saveExport(file)).toEqual({ saved: true, path: null });
    expect(calls.map(([method]) => method)).toEqual(['app.info', 'exports.chunk', 'exports.chunk', 'exports.chunk', 'exports.chunk', 'exports.chunk']);
    expect(downloads.map(([name]) => name)).toEqual(['report.csv']);
    expect(new Uint8Array(await (downloads[0]?.[1] as Blob).arrayBuffer())).toEqual(FILE);
  });
});

describe('reportSeparatorFor', () => {
  it("uses ';' where the country writes decimals with a comma, as Excel there expects", () => {
    expect(['en-FR', 'en-DE', 'en-BR', 'en-ES', 'en-IT', 'en-BE'].map(reportSeparatorFor)).toEqual([';', ';', ';', ';', ';', ';']);
  });

  it("uses ',' where the decimal point is a dot", () => {
    expect(['en-US', 'en-GB', 'en-JP', 'en-CA', 'en-AU'].map(reportSeparatorFor)).toEqual([',', ',', ',', ',', ',']);
  });

  it("falls back to ',' for a locale it cannot read", () => {
    expect(reportSeparatorFor('not a locale')).toBe(',');
  });
});
