import type Database from 'better-sqlite3';
import type { ConsentChannel, ConsentStatus } from '../../../shared/contacts';
import type { ContactDetailDto, ContactDto, ContactListDto, ConsentEventDto, TagDto } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { StatementCache } from '../../../db/statement-cache';
import { contactFolds, FOLD_COLUMNS, foldedColumnSql, type FoldedContactColumn } from '../../../db/text-folds';
import { searchWords } from '../../../shared/search-key';
import { foldText } from '../../../shared/text-fold';
import { holdsEverySql } from '../../../db/search-key-sql';
import type { SqlCondition } from '../audience/compile-filter';
import { containsPattern } from '../audience/like-pattern';
import { rowToDto, VALUE_COLUMNS, type ContactRow, type ContactValues } from './contact-values';

/** Every column of a contact plus its tag names; callers add WHERE / ORDER / LIMIT. */
export const CONTACT_SELECT = `SELECT contacts.*, (
    SELECT group_concat(t.name, char(31)) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
     WHERE ct.contact_id = contacts.id) AS tag_names
  FROM contacts`;

const SORT_COLUMNS = {
  name: 'name COLLATE NOCASE',
  createdAt: 'created_at',
  lastVisitAt: 'last_visit_at',
  visitCount: 'visit_count',
  totalSpentCents: 'total_spent_cents',
} as const;

const CONSENT_COLUMNS: Record<ConsentChannel, string> = { sms: 'sms_consent', email: 'email_consent', push: 'push_consent' };
const VALUE_KEYS = Object.keys(VALUE_COLUMNS) as Array<keyof typeof VALUE_COLUMNS>;
/** The value stored in each column that has a fold key (db/text-folds.ts): every one is a text value. */
const KEY_OF_COLUMN = Object.fromEntries(VALUE_KEYS.map((key) => [VALUE_COLUMNS[key], key])) as Record<FoldedContactColumn, keyof ContactValues>;
const INSERT_SQL = `INSERT INTO contacts (${VALUE_KEYS.map((key) => VALUE_COLUMNS[key]).join(', ')}, custom_fields,
    ${FOLD_COLUMNS.join(', ')}, sms_consent, email_consent, push_consent, created_at, updated_at)
  VALUES (${[...VALUE_KEYS, ...FOLD_COLUMNS].map(() => '?').join(', ')}, ?, ?, ?, ?, ?, ?)`;
// A new phone number may get texts: the old one's unusable mark goes (the right-hand side reads the old phone).
const UPDATE_SQL = `UPDATE contacts SET ${VALUE_KEYS.map((key) => `${VALUE_COLUMNS[key]} = ?`).join(', ')},
    custom_fields = ?, ${FOLD_COLUMNS.map((column) => `${column} = ?`).join(', ')},
    sms_unusable_code = CASE WHEN phone IS @phone THEN sms_unusable_code END,
    sms_unusable_at = CASE WHEN phone IS @phone THEN sms_unusable_at END, updated_at = ? WHERE id = ?`;
const LOG_CONSENT_SQL = `INSERT INTO consent_events (contact_id, channel, status, source, at)
  SELECT value, ?, ?, ?, ? FROM json_each(?)`;
/** Bits of a packed id-and-line number that hold the line: 67 million lines, ids up to 2^27 within 2^53. */
const LINE_BITS = 26;
const LOG_CONSENT_BY_LINE_SQL = `INSERT INTO consent_events (contact_id, channel, status, source, at)
  SELECT value >> ${LINE_BITS}, ?, ?, ? || (value & ${2 ** LINE_BITS - 1}) || ?, ? FROM json_each(?)`;

/** Clients read per page of an export. */
const EXPORT_PAGE = 1000;

export interface ListQuery {
  /** The filter and search, as from matching(). */
  where: SqlCondition;
  sort: keyof typeof SORT_COLUMNS;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export class ContactsRepository {
  private readonly sqlite: Database.Database;
  private readonly statements: StatementCache;

  constructor(db: Db) {
    this.sqlite = db.$client;
    this.statements = new StatementCache(this.sqlite);
  }

  list(query: ListQuery): ContactListDto {
    const { sql, params } = query.where;
    const column = SORT_COLUMNS[query.sort];
    const direction = query.direction.toUpperCase();
    // Empty values last in either direction, then id, so paging is stable. Names are never empty,
    // and leaving out the IS NULL term there lets the name index serve the first page directly.
    const order = query.sort === 'name' ? `${column} ${direction}, id ${direction}` : `${column} IS NULL, ${column} ${direction}, id`;
    // Filters make many different SQL texts: prepared each time rather than cached without end.
    const rows = this.sqlite
      .prepare(`${CONTACT_SELECT} WHERE ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as ContactRow[];
    // Without a condition SQLite answers COUNT(*) from the table's size instead of scanning it.
    const total = this.sqlite
      .prepare(`SELECT COUNT(*) FROM contacts${sql === '1' ? '' : ` WHERE ${sql}`}`)
      .pluck()
      .get(...params) as number;
    return { total, contacts: rows.map(rowToDto) };
  }

  get(id: number): ContactDto | undefined {
    const row = this.statements.get(`${CONTACT_SELECT} WHERE contacts.id = ?`).get(id) as ContactRow | undefined;
    return row && rowToDto(row);
  }

  detail(id: number): ContactDetailDto | undefined {
    const contact = this.get(id);
    if (!contact) return undefined;
    const consentHistory = this.statements.get(
      `SELECT channel, status, source, at FROM consent_events WHERE contact_id = ? ORDER BY at DESC, id DESC`,
    ).all(id) as ConsentEventDto[];
    return { ...contact, consentHistory };
  }

  /** The contact holding this phone or email, for duplicate checks and import merges. */
  findIdBy(field: 'phone' | 'email', value: string): number | undefined {
    return this.statements.get(`SELECT id FROM contacts WHERE ${field} = ?`).pluck().get(value) as number | undefined;
  }

  /**
   * A client with this exact name and neither a mobile number nor an email: how a row with a name alone
   * matches. The NOCASE comparison reaches the name index; the `+` keeps SQLite off the address indexes,
   * which would walk every client without that address.
   */
  findUnreachableByName(name: string): number | undefined {
    return this.statements
      .get('SELECT id FROM contacts WHERE name = ? COLLATE NOCASE AND name = ? COLLATE BINARY AND +phone IS NULL AND +email IS NULL ORDER BY id LIMIT 1')
      .pluck()
      .get(name, name) as number | undefined;
  }

  /**
   * Add a contact whose consent is already `granted` on the given channels (unknown on the others).
   * The caller logs that consent with logConsent, which an import does for many contacts at once.
   */
  insert(values: ContactValues, at: Date, granted: readonly ConsentChannel[] = []): number {
    const now = at.toISOString();
    const status = (channel: ConsentChannel) => (granted.includes(channel) ? 'granted' : 'unknown');
    return Number(
      this.statements
        .get(INSERT_SQL)
        .run(...stored(values), status('sms'), status('email'), status('push'), now, now)
        .lastInsertRowid,
    );
  }

  update(id: number, values: ContactValues, at: Date): boolean {
    return (
      this.statements
        .get(UPDATE_SQL)
        .run(...stored(values), at.toISOString(), id, { phone: values.phone }).changes === 1
    );
  }


  /** The phone can get texts after all: clears its unusable mark. Returns whether it had one. */
  clearSmsUnusable(id: number, at: Date): boolean {
    return (
      this.statements
        .get('UPDATE contacts SET sms_unusable_code = NULL, sms_unusable_at = NULL, updated_at = ? WHERE id = ? AND sms_unusable_code IS NOT NULL')
        .run(at.toISOString(), id).changes === 1
    );
  }

  delete(id: number): boolean {
    return this.statements.get('DELETE FROM contacts WHERE id = ?').run(id).changes === 1;
  }

  /** Record a consent change; a status the contact already has is not logged again. Returns whether it changed. */
  setConsent(id: number, channel: ConsentChannel, status: ConsentStatus, source: string, at: Date): boolean {
    const column = CONSENT_COLUMNS[channel];
    const changed = this.statements.get(`UPDATE contacts SET ${column} = ?, updated_at = ? WHERE id = ? AND ${column} <> ?`).run(
      status,
      at.toISOString(),
      id,
      status,
    ).changes;
    if (changed === 0) return false;
    this.logConsent([id], channel, status, source, at);
    return true;
  }

  /**
   * Set the consent of every contact matching `where` on one channel, logging one event for each that
   * changes (none for those already so). Returns how many changed.
   */
  setConsentWhere(where: SqlCondition, channel: ConsentChannel, status: ConsentStatus, source: string, at: Date): number {
    const column = CONSENT_COLUMNS[channel];
    const changing = `FROM contacts WHERE (${where.sql}) AND ${column} <> ?`;
    // Logged first, while the rows still show which are about to change.
    this.sqlite
      .prepare(`INSERT INTO consent_events (contact_id, channel, status, source, at) SELECT id, ?, ?, ?, ? ${changing}`)
      .run(channel, status, source, at.toISOString(), ...where.params, status);
    return this.sqlite
      .prepare(`UPDATE contacts SET ${column} = ?, updated_at = ? WHERE id IN (SELECT id ${changing})`)
      .run(status, at.toISOString(), ...where.params, status).changes;
  }

  /** Append one consent event per contact to the consent log: a single statement for any number of ids. */
  logConsent(ids: readonly number[], channel: ConsentChannel, status: ConsentStatus, source: string, at: Date): void {
    this.statements.get(LOG_CONSENT_SQL).run(channel, status, source, at.toISOString(), JSON.stringify(ids));
  }

  /**
   * Like logConsent, with each contact's line of an imported file in its source ("… line 12: …"): one
   * statement for any number of contacts, the source written by SQLite rather than once per contact here.
   * Each id and line travel packed in one number: a flat list of numbers is what json_each reads fastest.
   */
  logConsentByLine(
    entries: ReadonlyArray<readonly [id: number, line: number]>,
    channel: ConsentChannel,
    status: ConsentStatus,
    source: { beforeLine: string; afterLine: string },
    at: Date,
  ): void {
    this.statements
      .get(LOG_CONSENT_BY_LINE_SQL)
      .run(channel, status, source.beforeLine, source.afterLine, at.toISOString(), JSON.stringify(entries.map(([id, line]) => id * 2 ** LINE_BITS + line)));
  }

  /** Replace a contact's tags with `names` (created as needed). */
  setTags(id: number, names: string[]): void {
    this.statements.get('DELETE FROM contact_tags WHERE contact_id = ?').run(id);
    for (const name of names) this.addTag(byIds([id]), name);
  }

  /** Tag every contact matching `where`; returns how many gained the tag. */
  addTag(where: SqlCondition, name: string): number {
    // A name that folds like an existing tag's ("élite" beside "Élite") tags with that one.
    const fold = foldText(name);
    this.statements.get('INSERT INTO tags (name, name_fold) VALUES (?, ?) ON CONFLICT DO NOTHING').run(name, fold);
    const tagId = this.statements.get('SELECT id FROM tags WHERE name_fold = ?').pluck().get(fold) as number;
    return this.sqlite
      .prepare(`INSERT INTO contact_tags (contact_id, tag_id) SELECT id, ? FROM contacts WHERE ${where.sql} ON CONFLICT DO NOTHING`)
      .run(tagId, ...where.params).changes;
  }

  /** Untag every contact matching `where`; returns how many lost the tag. */
  removeTag(where: SqlCondition, name: string): number {
    return this.sqlite
      .prepare(
        `DELETE FROM contact_tags WHERE tag_id = (SELECT id FROM tags WHERE name_fold = ?)
           AND contact_id IN (SELECT id FROM contacts WHERE ${where.sql})`,
      )
      .run(foldText(name), ...where.params).changes;
  }

  tags(): TagDto[] {
    return this.statements.get(
      `SELECT t.name, COUNT(ct.contact_id) AS contacts FROM tags t LEFT JOIN contact_tags ct ON ct.tag_id = t.id
        GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
    ).all() as TagDto[];
  }

  /** The contacts matching `where` by name, a page at a time: for an export of any size. */
  *pagesWhere(where: SqlCondition, size = EXPORT_PAGE): Generator<ContactDto[]> {
    const first = this.sqlite.prepare(`${CONTACT_SELECT} WHERE ${where.sql} ORDER BY name COLLATE NOCASE, id LIMIT ?`);
    const next = this.sqlite.prepare(
      `${CONTACT_SELECT} WHERE (${where.sql}) AND (name COLLATE NOCASE, id) > (? COLLATE NOCASE, ?)
        ORDER BY name COLLATE NOCASE, id LIMIT ?`,
    );
    let rows = first.all(...where.params, size) as ContactRow[];
    while (rows.length > 0) {
      yield rows.map(rowToDto);
      const last = rows.at(-1) as ContactRow;
      rows = next.all(...where.params, last.name, last.id, size) as ContactRow[];
    }
  }

  /** Every custom field key in use, for the audience builder and the import mapping. */
  customFieldKeys(): string[] {
    return this.statements.get(
      `SELECT DISTINCT j.key FROM contacts, json_each(contacts.custom_fields) AS j
        WHERE contacts.custom_fields <> '{}' ORDER BY j.key COLLATE NOCASE`,
    )
      .pluck()
      .all() as string[];
  }




}

/** Contacts whose id is in `ids`, passed as one JSON parameter however many there are. */
export function byIds(ids: readonly number[]): SqlCondition {
  return { sql: 'contacts.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] };
}

const FAMILY_GIVEN = "COALESCE(last_name, '') || COALESCE(first_name, '')";
const GIVEN_FAMILY = "COALESCE(first_name, '') || COALESCE(last_name, '')";
/** Words of a search beyond these are not compared: a name has fewer. */
const MAX_WORDS = 6;

/**
 * The filter, narrowed by the search box: name, email or phone; digits also match a phone as typed.
 * A name matches without regard to case, accents or spaces, when it holds every word of the search in
 * any order ("Sato Misaki" finds Misaki Sato) or, joined, family then given name or the other way
 * ("佐藤美咲" finds 美咲 佐藤 stored as first 美咲, last 佐藤).
 */
export function matching(search: string, where: SqlCondition): SqlCondition {
  if (!search) return where;
  const words = searchWords(search).slice(0, MAX_WORDS);
  const terms: SqlCondition[] = [];
  if (words.length > 0) {
    const joined = [containsPattern(words.join(''))];
    terms.push(holdsEverySql('name', words.map(containsPattern)), holdsEverySql(FAMILY_GIVEN, joined), holdsEverySql(GIVEN_FAMILY, joined));
  }
  for (const column of ['phone', 'email'] as const) {
    terms.push({ sql: `${foldedColumnSql(column)} LIKE ? ESCAPE '\\'`, params: [containsPattern(foldText(search))] });
  }
  const digits = search.replace(/\D/g, '');
  if (digits.length >= 3) terms.push({ sql: `phone LIKE ? ESCAPE '\\'`, params: [containsPattern(digits)] });
  return {
    sql: `(${where.sql}) AND (${terms.map((term) => term.sql).join(' OR ')})`,
    params: [...where.params, ...terms.flatMap((term) => term.params)],
  };
}

/** Contacts holding the tag named `name` (or one folding alike). */
export function withTag(name: string): SqlCondition {
  return {
    sql: 'contacts.id IN (SELECT contact_id FROM contact_tags WHERE tag_id = (SELECT id FROM tags WHERE name_fold = ?))',
    params: [foldText(name)],
  };
}

/** A contact's values in the order INSERT_SQL and UPDATE_SQL take them, fold keys included. */
function stored(values: ContactValues): unknown[] {
  const textOf = (column: FoldedContactColumn) => values[KEY_OF_COLUMN[column]] as string | null;
  return [...VALUE_KEYS.map((key) => values[key]), JSON.stringify(values.customFields), ...contactFolds(textOf, values.customFields)];
}
