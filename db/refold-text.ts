// Brings every stored fold key (tags.name_fold, contacts.*_fold) up to the folding rule of this build,
// once: after the migration that added them, and again whenever TEXT_FOLD_VERSION changes. A migration
// cannot run the rule (it is JavaScript), so openDatabase runs this right after migrating.
import type Database from 'better-sqlite3';
import { foldText, TEXT_FOLD_VERSION } from '../shared/text-fold';
import { contactFolds, FOLD_COLUMNS, FOLDED_CONTACT_COLUMNS, type FoldedContactColumn } from './text-folds';

const PAGE = 2000;

type TextRow = Record<FoldedContactColumn, string | null> & { id: number; custom_fields: string };

/** Refold what the stored keys were made with another rule for; cheap when they are current. */
export function refoldStoredText(sqlite: Database.Database): void {
  // Migrations older than the fold keys (a test's, or a first release's) leave nothing to refold.
  const hasKeys = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'text_fold_version'").get();
  if (!hasKeys) return;
  const stored = sqlite.prepare('SELECT version FROM text_fold_version').pluck().get() as string | undefined;
  if (stored === TEXT_FOLD_VERSION) return;
  sqlite.transaction(() => {
    refoldTags(sqlite);
    refoldContacts(sqlite);
    sqlite.prepare('DELETE FROM text_fold_version').run();
    sqlite.prepare('INSERT INTO text_fold_version (version) VALUES (?)').run(TEXT_FOLD_VERSION);
  })();
}

/**
 * Tags whose names fold alike become one, the oldest, holding the clients of all: before, "Élite" and
 * "élite" could both exist, and an audience of one missed the clients of the other.
 */
function refoldTags(sqlite: Database.Database): void {
  const tags = sqlite.prepare('SELECT id, name FROM tags ORDER BY id').all() as Array<{ id: number; name: string }>;
  const keep = new Map<string, number>();
  for (const { id, name } of tags) {
    const fold = foldText(name);
    const kept = keep.get(fold);
    if (kept === undefined) keep.set(fold, id);
    else mergeTag(sqlite, id, kept);
  }
  // Every key is first set to a stand-in no fold can equal (folds hold no capital A-Z), so no update
  // collides with a key that is about to change.
  sqlite.prepare("UPDATE tags SET name_fold = 'REFOLD ' || id").run();
  const setKey = sqlite.prepare('UPDATE tags SET name_fold = ? WHERE id = ?');
  for (const [fold, id] of keep) setKey.run(fold, id);
}

function mergeTag(sqlite: Database.Database, from: number, into: number): void {
  sqlite.prepare('INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) SELECT contact_id, ? FROM contact_tags WHERE tag_id = ?').run(into, from);
  sqlite.prepare('DELETE FROM contact_tags WHERE tag_id = ?').run(from);
  sqlite.prepare('DELETE FROM tags WHERE id = ?').run(from);
}

/** Only a contact with some non-ASCII text can need a key: the others keep null in every _fold column. */
function refoldContacts(sqlite: Database.Database): void {
  const columns = [...FOLDED_CONTACT_COLUMNS, 'custom_fields'];
  // A text's length in bytes exceeds its length in characters exactly when it holds non-ASCII.
  const nonAscii = columns.map((column) => `length(CAST(${column} AS BLOB)) > length(${column})`).join(' OR ');
  const page = sqlite.prepare(`SELECT id, ${columns.join(', ')} FROM contacts WHERE id > ? AND (${nonAscii}) ORDER BY id LIMIT ${PAGE}`);
  const update = sqlite.prepare(`UPDATE contacts SET ${FOLD_COLUMNS.map((column) => `${column} = ?`).join(', ')} WHERE id = ?`);
  // In pages: a list of a million accented names need not be in memory at once.
  let after = 0;
  for (;;) {
    const rows = page.all(after) as TextRow[];
    const last = rows.at(-1);
    if (!last) return;
    for (const row of rows) update.run(...contactFolds((column) => row[column], textValues(row.custom_fields)), row.id);
    after = last.id;
  }
}

/** The string values of stored custom fields; anything else in the JSON is no text to compare. */
function textValues(json: string): Record<string, string> {
  const parsed = parseJson(json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
