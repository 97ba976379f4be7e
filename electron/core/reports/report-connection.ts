import Database from 'better-sqlite3';
import { registerSearchKey } from '../../../db/search-key-sql';

/**
 * A read-only connection for one report, closed after it: the report reads its rows across the awaits
 * of writing the file, and a connection mid-read can run nothing else, so it cannot share the core's.
 * No memory map nor large cache, so writing 100,000 rows does not grow the process.
 */
export function openReportConnection(dbPath: string, nativeBinding?: string): Database.Database {
  const sqlite = new Database(dbPath, { readonly: true, ...(nativeBinding && { nativeBinding }) });
  sqlite.pragma('busy_timeout = 5000');
  registerSearchKey(sqlite);
  return sqlite;
}
