import type { Core } from '../../electron/core';
import { call } from './test-core';

/** Every byte of an export, read through exports.chunk as the browser does. */
export async function readExportBytes(core: Core, fileId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let done = false, offset = 0; !done; ) {
    const piece = await call(core, 'exports.chunk', { fileId, offset });
    const bytes = Buffer.from(piece.chunk, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    done = piece.done;
  }
  return Buffer.concat(parts);
}
