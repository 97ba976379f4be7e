import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { ensurePrivateDir, makePrivate } from './private-files';
import { refoldStoredText } from './refold-text';
import { registerSearchKey } from './search-key-sql';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  /** Where the committed drizzle-kit migrations are. Defaults to db/migrations beside this file. */
  migrationsDir?: string;
  /** An Electron-ABI better-sqlite3 binary; plain Node uses node_modules' own build. */
  nativeBinding?: string;
}

export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/** Thrown when the file was written by a newer Salon Broadcast: opening it could lose data. */
export class DatabaseFromFutureError extends Error {
  constructor(path: string) {
    super(
      `The database at ${path} was created by a newer version of Salon Broadcast. ` +
        'Install the latest version to open it; this version will not touch it.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

export const DEFAULT_MIGRATIONS_DIR = join(__dirname, 'migrations');

/** Open (creating if needed) the SQLite file, set the pragmas we rely on, and migrate forward. */
export function openDatabase(path: string, options: OpenOptions = {}): OpenDatabase {
  const migrationsFolder = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  if (path !== ':memory:') ensurePrivateDir(dirname(path));
  const sqlite = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // SQLite gives the WAL and SHM files the database file's mode, so this comes first.
    if (path !== ':memory:') makePrivate(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    // Sending touches every delivery row once: a small page cache and no memory map keep the main
    // process from growing with the table. The scans of the audience count read through openReader.
    sqlite.pragma('cache_size = -8192');
    registerSearchKey(sqlite);
    refuseDatabaseFromFuture(sqlite, path, migrationsFolder);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    refoldStoredText(sqlite);
    // Files an older version left readable by others.
    if (path !== ':memory:') for (const suffix of ['-wal', '-shm']) makePrivate(`${path}${suffix}`);
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * A second, read-only connection for the live audience count, which scans the contacts table on every
 * edit: reading through a memory map and a large page cache, rather than a syscall per page, roughly
 * halves its slowest runs. Open it after openDatabase has migrated the file.
 */
export function openReader(path: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Database.Database {
  const reader = new Database(path, { readonly: true, ...(options.nativeBinding && { nativeBinding: options.nativeBinding }) });
  reader.pragma('busy_timeout = 5000');
  reader.pragma('mmap_size = 1073741824');
  reader.pragma('cache_size = -65536');
  return reader;
}

function refuseDatabaseFromFuture(sqlite: Database.Database, path: string, migrationsFolder: string): void {
  if (!existsSync(join(migrationsFolder, 'meta', '_journal.json'))) {
    throw new Error(`Database migrations not found in ${migrationsFolder}`);
  }
  const known = readMigrationFiles({ migrationsFolder });
  const newestKnown = Math.max(...known.map((m) => m.folderMillis));
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return;
  const row = sqlite.prepare('SELECT MAX(created_at) AS newest FROM __drizzle_migrations').get() as {
    newest: number | null;
  };
  if (row.newest !== null && Number(row.newest) > newestKnown) throw new DatabaseFromFutureError(path);
}
