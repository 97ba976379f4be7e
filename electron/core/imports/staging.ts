import type Database from 'better-sqlite3';
import type { Db } from '../../../db/open';
import type { ImportedContact, NormalisedRow } from './normalise-row';

export type StagedRow = NormalisedRow & { line: number; raw: readonly string[] };

export interface UsableRow {
  id: number;
  line: number;
  contact: ImportedContact;
}

export interface RejectedRow {
  line: number;
  raw: string[];
  rejection: string;
}

const PAGE = 5000;

/** import_rows: each parsed row of an import, before (and instead of) touching contacts. */
export class ImportStaging {
  private readonly sqlite: Database.Database;
  private readonly insertRow: Database.Statement;
  private readonly usablePage: Database.Statement;
  private readonly rejectRow: Database.Statement;

  constructor(db: Db) {
    this.sqlite = db.$client;
    this.insertRow = this.sqlite.prepare('INSERT INTO import_rows (import_id, line, raw, contact, rejection) VALUES (?, ?, ?, ?, ?)');
    this.usablePage = this.sqlite.prepare(
      'SELECT id, line, contact FROM import_rows WHERE import_id = ? AND rejection IS NULL AND line > ? ORDER BY line LIMIT ?',
    );
    this.rejectRow = this.sqlite.prepare('UPDATE import_rows SET contact = NULL, rejection = ? WHERE id = ?');
  }

  /** Stage rows in one small transaction. */
  add(importId: number, rows: readonly StagedRow[]): void {
    this.sqlite.transaction(() => {
      for (const row of rows) {
        this.insertRow.run(importId, row.line, JSON.stringify(row.raw), row.contact && JSON.stringify(row.contact), row.rejection);
      }
    })();
  }

  /**
   * The usable rows in file order, a page at a time so the merge can write between pages. Paged by
   * line, which the (import_id, line) index serves; each row starts on its own line.
   */
  *usable(importId: number): Generator<UsableRow> {
    let afterLine = 0;
    for (;;) {
      const page = this.usablePage.all(importId, afterLine, PAGE) as Array<{ id: number; line: number; contact: string }>;
      for (const row of page) yield { id: row.id, line: row.line, contact: JSON.parse(row.contact) as ImportedContact };
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      afterLine = last.line;
    }
  }

  reject(rowId: number, reason: string): void {
    this.rejectRow.run(reason, rowId);
  }

  rejectedCount(importId: number): number {
    return this.sqlite
      .prepare('SELECT COUNT(*) FROM import_rows WHERE import_id = ? AND rejection IS NOT NULL')
      .pluck()
      .get(importId) as number;
  }

  /** After the merge only the rejected rows are kept, for the rejected-rows file. */
  keepOnlyRejected(importId: number): void {
    this.sqlite.prepare('DELETE FROM import_rows WHERE import_id = ? AND rejection IS NULL').run(importId);
  }

  clear(importId: number): void {
    this.sqlite.prepare('DELETE FROM import_rows WHERE import_id = ?').run(importId);
  }

  rejected(importId: number): RejectedRow[] {
    const rows = this.sqlite
      .prepare('SELECT line, raw, rejection FROM import_rows WHERE import_id = ? AND rejection IS NOT NULL ORDER BY line')
      .all(importId) as Array<{ line: number; raw: string; rejection: string }>;
    return rows.map((row) => ({ line: row.line, raw: JSON.parse(row.raw) as string[], rejection: row.rejection }));
  }
}
