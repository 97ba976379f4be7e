// A salon's database from before the fold keys: opening it adds them, folds what it holds, and makes
// one tag of the twins ("Élite" and "élite") the old comparison let in.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEXT_FOLD_VERSION } from '../../shared/text-fold';
import { DEFAULT_MIGRATIONS_DIR, openDatabase } from '../../db/open';
import { call, createTestCore, tempDir } from '../support/test-core';

const FOLD_MIGRATION = '0006_text_folds';

/** The migrations folder as the release before the fold keys shipped it. */
function migrationsBeforeFolds(into: string): string {
  mkdirSync(join(into, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'));
  const entries = journal.entries.slice(0, journal.entries.findIndex((e: { tag: string }) => e.tag === FOLD_MIGRATION));
  writeFileSync(join(into, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) copyFileSync(join(DEFAULT_MIGRATIONS_DIR, `${tag}.sql`), join(into, `${tag}.sql`));
  return into;
}

describe('upgrading to fold keys', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, 'salon.db');
    const old = openDatabase(path, { migrationsDir: migrationsBeforeFolds(join(dir.path, 'migrations-before')) });
    old.sqlite.exec(`
      INSERT INTO tags (id, name) VALUES (1, 'Élite'), (2, 'élite'), (3, 'VIP');
      INSERT INTO contacts (id, name, lead_status, custom_fields, created_at, updated_at) VALUES
        (1, 'ÉLODIE Martin', NULL, '{}', 'x', 'x'),
        (2, 'Jürgen Straße', 'STRASSE', '{"Stylist":"MARÍA","Room":"2"}', 'x', 'x'),
        (3, 'Ana Lopez', 'Regular', '{}', 'x', 'x');
      INSERT INTO contact_tags (contact_id, tag_id) VALUES (1, 1), (2, 2), (2, 1), (3, 3);
    `);
    old.close();
  });
  afterEach(() => dir.remove());

  it('folds stored names and tags, and merges tags that fold alike into the oldest', () => {
    const { sqlite, close } = openDatabase(path);
    expect(sqlite.prepare('SELECT id, name, name_fold FROM tags ORDER BY id').all()).toEqual([
      { id: 1, name: 'Élite', name_fold: 'élite' },
      { id: 3, name: 'VIP', name_fold: 'vip' },
    ]);
    expect(sqlite.prepare('SELECT contact_id, tag_id FROM contact_tags ORDER BY contact_id, tag_id').all()).toEqual([
      { contact_id: 1, tag_id: 1 },
      { contact_id: 2, tag_id: 1 },
      { contact_id: 3, tag_id: 3 },
    ]);
    expect(sqlite.prepare('SELECT id, name_fold, lead_status_fold, custom_fields_fold FROM contacts ORDER BY id').all()).toEqual([
      { id: 1, name_fold: 'élodie martin', lead_status_fold: null, custom_fields_fold: null },
      { id: 2, name_fold: 'jürgen strasse', lead_status_fold: null, custom_fields_fold: '{"Stylist":"maría"}' },
      // Plain ASCII needs no key: NOCASE compares it as its fold.
      { id: 3, name_fold: null, lead_status_fold: null, custom_fields_fold: null },
    ]);
    expect(sqlite.prepare('SELECT version FROM text_fold_version').pluck().all()).toEqual([TEXT_FOLD_VERSION]);
    close();
  });

  it('then filters the old clients by the folding rule', async () => {
    const core = createTestCore(dir.path);
    const tagged = (op: 'any' | 'none', tag: string) =>
      call(core, 'contacts.list', { filter: { kind: 'group', match: 'all', conditions: [{ kind: 'tags', field: 'tags', op, value: [tag] }] } });
    expect((await tagged('any', 'élite')).total).toBe(2);
    expect((await tagged('none', 'ÉLITE')).contacts.map((c) => c.name)).toEqual(['Ana Lopez']);
    const stylist = { kind: 'text', field: 'custom:Stylist', op: 'is', value: 'maría' } as const;
    expect((await call(core, 'audience.summary', { filter: { kind: 'group', match: 'all', conditions: [stylist] } })).matched).toBe(1);
    await core.stop();
  });

  it('folds again when the folding rule changes', () => {
    const first = openDatabase(path);
    first.sqlite.exec(`UPDATE contacts SET name_fold = 'stale' WHERE id = 1; UPDATE tags SET name_fold = 'stale' WHERE id = 3;
      UPDATE text_fold_version SET version = 'an older rule'`);
    first.close();
    const { sqlite, close } = openDatabase(path);
    expect(sqlite.prepare('SELECT name_fold FROM contacts WHERE id = 1').pluck().get()).toBe('élodie martin');
    expect(sqlite.prepare('SELECT name_fold FROM tags WHERE id = 3').pluck().get()).toBe('vip');
    close();
  });
});
