// Audience filter -> a parameterised SQL condition over `contacts`. Column names come only from the
// maps below; every value the owner typed is a bound parameter.
import type { AudienceCondition, AudienceFilter, CONSENT_FIELDS, DATE_FIELDS, NUMBER_FIELDS, TEXT_FIELDS } from '../../../shared/audience';
import { FOLDED_CUSTOM_FIELD_SQL, foldedColumnSql, type FoldedContactColumn } from '../../../db/text-folds';
import { foldText } from '../../../shared/text-fold';
import { VALUE_COLUMNS } from '../contacts/contact-values';
import { addDays, type FilterContext } from './filter-context';
import { containsPattern } from './like-pattern';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** Contact columns by field name; only these names reach SQL as text. */
const COLUMNS: Record<(typeof TEXT_FIELDS | typeof NUMBER_FIELDS | typeof DATE_FIELDS)[number], string> = {
  ...VALUE_COLUMNS,
  createdAt: 'created_at',
};
const CONSENT_COLUMNS: Record<(typeof CONSENT_FIELDS)[number], string> = {
  smsConsent: 'sms_consent',
  emailConsent: 'email_consent',
  pushConsent: 'push_consent',
};

/** A JSON list bound as one parameter, however long: a list of parameters would meet SQLite's limit. */
const JSON_LIST = '(SELECT value FROM json_each(?))';

/** Contacts holding a tag named in a JSON list of folded names: one row per such tag held. */
const TAGGED = `SELECT ct.contact_id FROM contact_tags ct
  WHERE ct.tag_id IN (SELECT id FROM tags WHERE name_fold IN ${JSON_LIST})`;

export function compileFilter(filter: AudienceFilter, context: FilterContext): SqlCondition {
  if (filter.conditions.length === 0) return { sql: '1', params: [] };
  const parts = filter.conditions.map((c) => (c.kind === 'group' ? wrap(compileFilter(c, context)) : compileCondition(c, context)));
  return {
    sql: parts.map((p) => p.sql).join(filter.match === 'all' ? ' AND ' : ' OR '),
    params: parts.flatMap((p) => p.params),
  };
}

export function and(a: SqlCondition, b: SqlCondition): SqlCondition {
  return { sql: `(${a.sql}) AND (${b.sql})`, params: [...a.params, ...b.params] };
}

export function not(condition: SqlCondition): SqlCondition {
  return { sql: `NOT (${condition.sql})`, params: condition.params };
}

function wrap(condition: SqlCondition): SqlCondition {
  return { sql: `(${condition.sql})`, params: condition.params };
}

function compileCondition(c: AudienceCondition, context: FilterContext): SqlCondition {
  switch (c.kind) {
    case 'text':
      return compileText(c);
    case 'number': {
      const column = COLUMNS[c.field];
      if (c.op === 'between') return { sql: `${column} BETWEEN ? AND ?`, params: [c.value, c.value2] };
      const operator = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op];
      return { sql: `${column} ${operator} ?`, params: [c.value] };
    }
    case 'date':
      return compileDate(c, context);
    case 'birthday':
      if (c.op === 'is_empty') return { sql: 'birth_month IS NULL', params: [] };
      return {
        sql: 'birth_month = ?',
        params: [c.op === 'this_month' ? context.month : c.op === 'next_month' ? (context.month % 12) + 1 : c.value],
      };
    case 'tags':
      return compileTags(c);
    case 'consent':
      return { sql: `${CONSENT_COLUMNS[c.field]} = ?`, params: [c.value] };
  }
}

/** Tag names compare by their folded form (tags.name_fold), so "Élite" finds the clients tagged "élite". */
function compileTags(c: Extract<AudienceCondition, { kind: 'tags' }>): SqlCondition {
  const names = [...new Set(c.value.map(foldText))];
  const list = JSON.stringify(names);
  if (c.op === 'any') return { sql: `contacts.id IN (${TAGGED})`, params: [list] };
  if (c.op === 'none') return { sql: `contacts.id NOT IN (${TAGGED})`, params: [list] };
  // Each folded name is at most one tag, so holding as many of them as were named is holding all.
  return { sql: `contacts.id IN (${TAGGED} GROUP BY ct.contact_id HAVING COUNT(*) = ?)`, params: [list, names.length] };
}

/**
 * Text compares by its fold key (db/text-folds.ts) against the folded value, under NOCASE or LIKE:
 * "élodie" is "ÉLODIE", "strasse" is "Straße".
 */
function compileText(c: Extract<AudienceCondition, { kind: 'text' }>): SqlCondition {
  const { key, keyParams, raw, rawParams } = textColumn(c.field);
  const value = typeof c.value === 'string' ? foldText(c.value) : '';
  const list = Array.isArray(c.value) ? c.value.map(foldText) : [];
  switch (c.op) {
    case 'is':
      return { sql: `${key} = ? COLLATE NOCASE`, params: [...keyParams, value] };
    case 'is_not':
      return { sql: `(${raw} IS NULL OR ${key} <> ? COLLATE NOCASE)`, params: [...rawParams, ...keyParams, value] };
    case 'contains':
      return { sql: `${key} LIKE ? ESCAPE '\\'`, params: [...keyParams, containsPattern(value)] };
    case 'is_any_of':
      return { sql: `${key} COLLATE NOCASE IN ${JSON_LIST}`, params: [...keyParams, JSON.stringify(list)] };
    case 'is_empty':
      return { sql: `(${raw} IS NULL OR ${raw} = '')`, params: [...rawParams, ...rawParams] };
    case 'is_not_empty':
      return { sql: `(${raw} IS NOT NULL AND ${raw} <> '')`, params: [...rawParams, ...rawParams] };
  }
}

/** A text field's stored value and its comparison key, as SQL with the parameters each takes. */
function textColumn(field: Extract<AudienceCondition, { kind: 'text' }>['field']) {
  if (field.startsWith('custom:')) {
    // A custom field's JSON path is a parameter too; the key's characters are whitelisted by the contract.
    const path = `$."${field.slice('custom:'.length)}"`;
    return { raw: 'json_extract(custom_fields, ?)', rawParams: [path], key: FOLDED_CUSTOM_FIELD_SQL, keyParams: [path, path] };
  }
  const column = COLUMNS[field as (typeof TEXT_FIELDS)[number]] as FoldedContactColumn;
  return { raw: column, rawParams: [], key: foldedColumnSql(column), keyParams: [] };
}

/**
 * Dates compare as ISO text. "After D" means from the next day on, so the same rule serves date
 * columns ('2024-05-01') and timestamp columns ('2024-05-01T10:00:00Z').
 */
function compileDate(c: Extract<AudienceCondition, { kind: 'date' }>, context: FilterContext): SqlCondition {
  const column = COLUMNS[c.field];
  const date = typeof c.value === 'string' ? c.value : context.today;
  const days = typeof c.value === 'number' ? c.value : 0;
  const tomorrow = addDays(context.today, 1);
  switch (c.op) {
    case 'before':
      return { sql: `${column} < ?`, params: [date] };
    case 'after':
      return { sql: `${column} >= ?`, params: [addDays(date, 1)] };
    case 'between':
      return { sql: `${column} >= ? AND ${column} < ?`, params: [date, addDays(c.value2 ?? date, 1)] };
    case 'more_than_days_ago':
      return { sql: `${column} < ?`, params: [addDays(context.today, -days)] };
    case 'within_last_days':
      return { sql: `${column} >= ? AND ${column} < ?`, params: [addDays(context.today, -days), tomorrow] };
    case 'is_empty':
      return { sql: `${column} IS NULL`, params: [] };
  }
}
