import type Database from 'better-sqlite3';
import type { Db } from '../../../db/open';
import type { ImportedContact } from './normalise-row';

/** A row ready to merge, kept in memory until the merge: nothing of it is written before then. */
export interface UsableRow {
  line: number;
  raw: readonly string[];
  contact: ImportedContact;
}

export interface RejectedRow {
  line: number;
  raw: string[];
  rejection: string;
}

/**
 * import_rows: the rejected rows of an import, with their line and reason, for the rejected-rows
 * file. Usable rows never come here: they stay in memory until the one merge transaction, so a
 * cancel or a failure before it has nothing to undo in contacts.
 */
export class ImportStaging {
  private readonly sqlite: Database.Database;
  private readonly insertRow: Database.Statement;

  constructor(db: Db) {
    this.sqlite = db.$client;
    this.insertRow = this.sqlite.prepare('INSERT INTO import_rows (import_id, line, raw, rejection) VALUES (?, ?, ?, ?)');
  }

  reject(importId: number, rows: ReadonlyArray<{ line: number; raw: readonly string[]; rejection: string }>): void {
    this.sqlite.transaction(() => {
      for (const row of rows) this.insertRow.run(importId, row.line, JSON.stringify(row.raw), row.rejection);
    })();
  }

  rejectedCount(importId: number): number {
    return this.sqlite.prepare('SELECT COUNT(*) FROM import_rows WHERE import_id = ?').pluck().get(importId) as number;
  }

  clear(importId: number): void {
    this.sqlite.prepare('DELETE FROM import_rows WHERE import_id = ?').run(importId);
  }

  rejected(importId: number): RejectedRow[] {
    const rows = this.sqlite
      .prepare('SELECT line, raw, rejection FROM import_rows WHERE import_id = ? ORDER BY line')
      .all(importId) as Array<{ line: number; raw: string; rejection: string }>;
    return rows.map((row) => ({ line: row.line, raw: JSON.parse(row.raw) as string[], rejection: row.rejection }));
  }
}
