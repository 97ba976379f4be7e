import type Database from 'better-sqlite3';
import type { ImportRowKind, ImportRowNoteDto } from '../../../shared/imports';
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

/** A row to list in the import's result: why it was rejected, its warning, or the client it merged into. */
export interface NotedRow {
  line: number;
  raw: readonly string[];
  note: string;
  contactId?: number;
}

/**
 * import_rows: the rows an import lists, by kind (rejected, imported with a warning, merged), with
 * their line and reason, for the result screen and its CSV files. Usable rows never come here: they
 * stay in memory until the one merge transaction, so a cancel or a failure before it has nothing to
 * undo in contacts.
 */
export class ImportStaging {
  private readonly sqlite: Database.Database;
  private readonly insertRow: Database.Statement;

  constructor(db: Db) {
    this.sqlite = db.$client;
    this.insertRow = this.sqlite.prepare('INSERT INTO import_rows (import_id, line, raw, rejection, kind, contact_id) VALUES (?, ?, ?, ?, ?, ?)');
  }

  reject(importId: number, rows: ReadonlyArray<{ line: number; raw: readonly string[]; rejection: string }>): void {
    this.note(importId, 'rejected', rows.map((row) => ({ line: row.line, raw: row.raw, note: row.rejection })));
  }

  note(importId: number, kind: ImportRowKind, rows: readonly NotedRow[]): void {
    if (rows.length === 0) return;
    this.sqlite.transaction(() => {
      for (const row of rows) this.insertRow.run(importId, row.line, JSON.stringify(row.raw), row.note, kind, row.contactId ?? null);
    })();
  }

  rejectedCount(importId: number): number {
    return this.count(importId, 'rejected');
  }

  count(importId: number, kind: ImportRowKind): number {
    return this.sqlite.prepare('SELECT COUNT(*) FROM import_rows WHERE import_id = ? AND kind = ?').pluck().get(importId, kind) as number;
  }

  clear(importId: number): void {
    this.sqlite.prepare('DELETE FROM import_rows WHERE import_id = ?').run(importId);
  }

  rejected(importId: number, kind: ImportRowKind = 'rejected'): RejectedRow[] {
    const rows = this.sqlite
      .prepare('SELECT line, raw, rejection FROM import_rows WHERE import_id = ? AND kind = ? ORDER BY line')
      .all(importId, kind) as Array<{ line: number; raw: string; rejection: string }>;
    return rows.map((row) => ({ line: row.line, raw: JSON.parse(row.raw) as string[], rejection: row.rejection }));
  }

  /** The first `limit` rows of a kind, with the client each went into, as named now. */
  notes(importId: number, kind: ImportRowKind, limit: number): ImportRowNoteDto[] {
    return this.sqlite
      .prepare(
        `SELECT import_rows.line, import_rows.rejection AS note, import_rows.contact_id AS contactId, contacts.name AS contactName
           FROM import_rows LEFT JOIN contacts ON contacts.id = import_rows.contact_id
          WHERE import_rows.import_id = ? AND import_rows.kind = ? ORDER BY import_rows.line LIMIT ?`,
      )
      .all(importId, kind, limit) as ImportRowNoteDto[];
  }
}
