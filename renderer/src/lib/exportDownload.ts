// An export the core wrote to a file (contacts.export), brought over in pieces: each piece becomes a
// part of a Blob, which the browser may keep on disk, so no single string ever holds the whole file.
import type { MethodOutput } from '../../../shared/contract';
import { base64ToBytes } from './base64';

export type ReadPiece = (offset: number) => Promise<MethodOutput<'contacts.exportChunk'>>;

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
