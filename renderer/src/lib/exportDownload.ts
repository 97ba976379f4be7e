// Taking an export the core wrote to a file (clients, the delivery report): the desktop app saves it
// through the native Save dialog; the browser brings it over in pieces, each a part of a Blob, which
// the browser may keep on disk, so no single string ever holds the whole file.
import type { MethodOutput } from '../../../shared/contract';
import type { ReportSeparator } from '../../../shared/tracking';
import { call } from '../api/client';
import { base64ToBytes } from './base64';
import { downloadBlob } from './download';

export type ReadPiece = (offset: number) => Promise<MethodOutput<'exports.chunk'>>;

/** Every piece of the file, from the start, as one Blob of `type`. */
export async function readExport(readPiece: ReadPiece, type = 'text/csv;charset=utf-8'): Promise<Blob> {
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  let offset = 0;
  for (;;) {
    const { chunk, done } = await readPiece(offset);
    const bytes = base64ToBytes(chunk);
    parts.push(bytes);
    offset += bytes.length;
    if (done) return new Blob(parts, { type });
  }
}

export interface ExportFile {
  fileId: string;
  fileName: string;
}

/** What the owner did with the file: `saved` false when they cancelled the dialog; `path` only on the desktop. */
export type SaveResult = MethodOutput<'exports.saveAs'>;

/** Save an export: the Save dialog on the desktop, a download in the browser. */
export async function saveExport(file: ExportFile): Promise<SaveResult> {
  const { host } = await call('app.info', {});
  if (host === 'desktop') return call('exports.saveAs', file);
  downloadBlob(file.fileName, await readExport((offset) => call('exports.chunk', { fileId: file.fileId, offset })));
  return { saved: true, path: null };
}

/**
 * The separator Excel expects in the salon's country: ';' where a comma is the decimal point (France,
 * Germany, Brazil...), else ','. `locale` is the salon's (salonLocale: "en-FR"); its country's own
 * language decides, since Excel there is set up in it.
 */
export function reportSeparatorFor(locale: string): ReportSeparator {
  return decimalSeparator(countryLanguage(locale)) === ',' ? ';' : ',';
}

function countryLanguage(locale: string): string {
  try {
    const { region } = new Intl.Locale(locale);
    return region ? new Intl.Locale(`und-${region}`).maximize().toString() : locale;
  } catch {
    return 'en-US';
  }
}

function decimalSeparator(locale: string): string | undefined {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
}
