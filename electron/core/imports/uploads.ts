import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput, notFound } from '../errors';
import { PRIVATE_DIR, PRIVATE_FILE } from '../../../db/private-files';

/** The largest client list accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/**
 * Files sent by the renderer in base64 pieces, kept as `<id>.bin` with the file name in `<id>.json`
 * until an import of them completes. Ids are random and match [\w-], so they are safe as file names.
 */
export class UploadStore {
  constructor(private readonly dir: string) {}

  /** Add a piece; without `uploadId` a new upload starts. Returns the bytes received so far. */
  append(uploadId: string | undefined, fileName: string, chunk: string): { uploadId: string; bytes: number } {
    const id = uploadId ?? this.create(fileName);
    const path = this.binPath(id);
    if (!existsSync(path)) throw notFound('That upload');
    const piece = Buffer.from(chunk, 'base64');
    const bytes = statSync(path).size + piece.length;
    if (bytes > MAX_UPLOAD_BYTES) {
      this.remove(id);
      const message = `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split the list into smaller files and import each.`;
      throw invalidInput([{ path: 'chunk', message }]);
    }
    appendFileSync(path, piece);
    return { uploadId: id, bytes };
  }

  /** A whole file at once, as the watched file's runs bring it. Returns the new upload's id. */
  save(fileName: string, bytes: Buffer): string {
    const id = this.create(fileName);
    writeFileSync(this.binPath(id), bytes, { mode: PRIVATE_FILE });
    return id;
  }

  read(uploadId: string): Upload {
    const path = this.binPath(uploadId);
    if (!existsSync(path)) throw notFound('That upload');
    const { fileName } = JSON.parse(readFileSync(this.metaPath(uploadId), 'utf8')) as { fileName: string };
    const bytes = readFileSync(path);
    if (bytes.length === 0) throw invalidInput([{ path: 'uploadId', message: 'The file is empty.' }]);
    return { fileName, bytes };
  }

  remove(uploadId: string): void {
    rmSync(this.binPath(uploadId), { force: true });
    rmSync(this.metaPath(uploadId), { force: true });
  }

  /** Files of uploads last written before `before` (a window closed mid-import, a crash): at start. */
  removeStale(before: Date): number {
    if (!existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (statSync(path).mtimeMs >= before.getTime()) continue;
      rmSync(path, { force: true });
      removed++;
    }
    return removed;
  }

  private create(fileName: string): string {
    mkdirSync(this.dir, { recursive: true, mode: PRIVATE_DIR });
    const id = randomUUID();
    writeFileSync(this.metaPath(id), JSON.stringify({ fileName }), { mode: PRIVATE_FILE });
    writeFileSync(this.binPath(id), '', { mode: PRIVATE_FILE });
    return id;
  }

  private binPath(id: string): string {
    return join(this.dir, `${id}.bin`);
  }

  private metaPath(id: string): string {
    return join(this.dir, `${id}.json`);
  }
}
