// Client details are personal data: the data folder is the owner's alone (0700) and every file in
// it (the database, its WAL and SHM, logs, uploads, exports) is readable by them only (0600), where
// the OS has such modes. Windows has none: files inherit the user folder's ACL.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

const hasModes = process.platform !== 'win32';

/** Create `dir` (and its parents) if needed, and make it the owner's only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (hasModes) chmodSync(dir, PRIVATE_DIR);
}

/** Make `path` the owner's only, if it exists: a file 0600, a folder 0700 with everything inside. */
export function makePrivate(path: string): void {
  if (!hasModes || !existsSync(path)) return;
  if (!statSync(path).isDirectory()) return chmodSync(path, PRIVATE_FILE);
  chmodSync(path, PRIVATE_DIR);
  for (const name of readdirSync(path)) makePrivate(join(path, name));
}
