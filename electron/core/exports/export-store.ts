// Every CSV export (clients, the delivery report) is written to a file in the data folder a record at
// a time, so 100,000 rows are never in memory at once, then either read by the renderer in pieces over
// the same RPC as everything else (exports.chunk) or saved by the desktop shell through its dialog
// (exports.saveAs); either way the file is deleted once taken.
import { randomUUID } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import { type WriteStream, closeSync, createWriteStream, existsSync, openSync, readSync, readdirSync, rmSync } from 'node:fs';
import { ensurePrivateDir, PRIVATE_FILE } from '../../../db/private-files';
import { join } from 'node:path';
import { once } from 'node:events';
import type { ReportSeparator } from '../../../shared/tracking';
import { CSV_BOM, safeCsvLine } from '../csv/safe-csv';
import { AppError, notFound } from '../errors';

/** Bytes per piece read: 512 KiB, as base64 well inside the web host's 1 MiB limit. */
export const EXPORT_CHUNK_BYTES = 512 * 1024;

/** Lines are handed to the file in batches of about this many characters, not one by one. */
const BATCH_CHARS = 64 * 1024;

/** The folder of exports waiting to be taken, inside the data folder. */
export function exportsDir(dataFolder: string): string {
  return join(dataFolder, 'exports');
}

/** Where an export's file is; `fileId` has passed the contract's pattern (no path characters). */
function exportFilePath(dir: string, fileId: string): string {
  return join(dir, `${fileId}.csv`);
}

export interface CsvExport {
  header: readonly string[];
  /** The data records, in file order; may be a lazy database cursor. */
  records: Iterable<readonly string[]>;
  separator?: ReportSeparator;
}

export class ExportStore {
  constructor(readonly dir: string) {}

  /** Write a formula-safe CSV; returns the file's id and how many data records it holds. */
  async write({ header, records, separator = ',' }: CsvExport): Promise<{ fileId: string; rows: number }> {
    ensurePrivateDir(this.dir);
    const fileId = randomUUID();
    const file = createWriteStream(exportFilePath(this.dir, fileId), { mode: PRIVATE_FILE });
    // A failed write (a full disk) is read from file.errored; unheard, it would crash the process.
    file.on('error', () => undefined);
    let rows = 0;
    try {
      let batch = CSV_BOM + safeCsvLine(header, separator);
      for (const record of records) {
        batch += safeCsvLine(record, separator);
        rows++;
        if (batch.length >= BATCH_CHARS) {
          await written(file, batch);
          batch = '';
        }
      }
      await written(file, batch);
      file.end();
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
    const path = this.existing(fileId);
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

  /** Copy the file to `destination` (where the owner chose to save it), then delete it. */
  async saveTo(fileId: string, destination: string): Promise<void> {
    const source = this.existing(fileId);
    try {
      await copyFile(source, destination);
    } catch (error) {
      throw new AppError('internal', `The file could not be saved to ${destination}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.remove(fileId);
  }

  /** The export's path; not_found once it was taken (or never existed). */
  existing(fileId: string): string {
    const path = exportFilePath(this.dir, fileId);
    if (!existsSync(path)) throw notFound('That export');
    return path;
  }

  /** Exports left behind by a window closed mid-download. */
  removeAll(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) rmSync(join(this.dir, name), { force: true });
  }

  remove(fileId: string): void {
    rmSync(exportFilePath(this.dir, fileId), { force: true });
  }
}

/** Hand `text` to the file, waiting while the file catches up so memory stays small. */
async function written(file: WriteStream, text: string): Promise<void> {
  if (file.errored) throw file.errored;
  if (!file.write(text)) await once(file, 'drain');
}
