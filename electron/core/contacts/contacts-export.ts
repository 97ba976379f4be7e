// Clients exported to CSV. The file is written in the data folder a page of clients at a time, so
// 100,000 of them are never in memory at once, then read by the renderer in pieces over the same
// RPC as everything else (Electron IPC or the web host), and deleted once read to the end.
import { randomUUID } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { ContactDto } from '../../../shared/dto';
import { safeCsvStream } from '../csv/safe-csv';
import { notFound } from '../errors';
import { exportHeaders, exportRecord } from './export-columns';

/** Bytes per piece read: 512 KiB, as base64 well inside the web host's 1 MiB limit. */
export const EXPORT_CHUNK_BYTES = 512 * 1024;

/** Pages of clients in the order they are written; an empty page ends the export. */
export type ContactPages = () => Iterable<readonly ContactDto[]>;

export class ExportStore {
  constructor(private readonly dir: string) {}

  /** Write the clients of `pages` as CSV; returns the file's id and how many clients it holds. */
  async write(pages: ContactPages, customFieldKeys: readonly string[]): Promise<{ fileId: string; rows: number }> {
    mkdirSync(this.dir, { recursive: true });
    const fileId = randomUUID();
    const csv = safeCsvStream();
    const file = createWriteStream(this.path(fileId));
    csv.pipe(file);
    let rows = 0;
    try {
      await writeRecord(csv, exportHeaders(customFieldKeys));
      for (const page of pages()) {
        for (const contact of page) await writeRecord(csv, exportRecord(contact, customFieldKeys));
        rows += page.length;
      }
      csv.end();
      await once(file, 'finish');
    } catch (error) {
      file.destroy();
      this.remove(fileId);
      throw error;
    }
    return { fileId, rows };
  }

  /** The piece of the file from `offset`, base64; done when it is the last (the file is then gone). */
  readChunk(fileId: string, offset: number): { chunk: string; done: boolean } {
    const path = this.path(fileId);
    if (!existsSync(path)) throw notFound('That export');
    const buffer = Buffer.alloc(EXPORT_CHUNK_BYTES);
    const fd = openSync(path, 'r');
    let read: number;
    try {
      read = readSync(fd, buffer, 0, EXPORT_CHUNK_BYTES, offset);
    } finally {
      closeSync(fd);
    }
    const done = read < EXPORT_CHUNK_BYTES;
    if (done) this.remove(fileId);
    return { chunk: buffer.subarray(0, read).toString('base64'), done };
  }

  /** Exports left behind by a window closed mid-download. */
  removeAll(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) rmSync(join(this.dir, name), { force: true });
  }

  private remove(fileId: string): void {
    rmSync(this.path(fileId), { force: true });
  }

  private path(fileId: string): string {
    return join(this.dir, `${fileId}.csv`);
  }
}

/** Write one record, waiting while the file catches up so the stream's buffer stays small. */
async function writeRecord(csv: ReturnType<typeof safeCsvStream>, record: string[]): Promise<void> {
  if (!csv.write(record)) await once(csv, 'drain');
}

/** "clients-2026-11-21.csv" */
export function exportFileName(at: Date): string {
  return `clients-${at.toISOString().slice(0, 10)}.csv`;
}
