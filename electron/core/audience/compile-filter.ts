// Audience filter -> a parameterised SQL condition over `contacts`. Column names come only from the
// maps below; every value the owner typed is a bound parameter.
import type { AudienceCondition, AudienceFilter, CONSENT_FIELDS, DATE_FIELDS, NUMBER_FIELDS, TEXT_FIELDS } from '../../../shared/audience';
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

const TAGS_OF_CONTACT = `SELECT t.id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
  WHERE ct.contact_id = contacts.id AND t.name COLLATE NOCASE IN`;

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
    case 'tags': {
      const names = [...new Set(c.value.map((name) => name.toLowerCase()))];
      const list = `(${names.map(() => '?').join(', ')})`;
      if (c.op === 'any') return { sql: `EXISTS (${TAGS_OF_CONTACT} ${list})`, params: names };
      if (c.op === 'none') return { sql: `NOT EXISTS (${TAGS_OF_CONTACT} ${list})`, params: names };
      return { sql: `(SELECT COUNT(*) FROM (${TAGS_OF_CONTACT} ${list})) = ?`, params: [...names, names.length] };
    }
    case 'consent':
      return { sql: `${CONSENT_COLUMNS[c.field]} = ?`, params: [c.value] };
  }
}

function compileText(c: Extract<AudienceCondition, { kind: 'text' }>): SqlCondition {
  const custom = c.field.startsWith('custom:');
  // A custom field's JSON path is a parameter too; the key's characters are whitelisted by the contract.
  const column = custom ? 'json_extract(custom_fields, ?)' : COLUMNS[c.field as (typeof TEXT_FIELDS)[number]];
  const columnParams = custom ? [`$."${c.field.slice('custom:'.length)}"`] : [];
  const value = typeof c.value === 'string' ? c.value : '';
  const list = Array.isArray(c.value) ? c.value : [];
  switch (c.op) {
    case 'is':
      return { sql: `${column} = ? COLLATE NOCASE`, params: [...columnParams, value] };
    case 'is_not':
      return { sql: `(${column} IS NULL OR ${column} <> ? COLLATE NOCASE)`, params: [...columnParams, ...columnParams, value] };
    case 'contains':
      return { sql: `${column} LIKE ? ESCAPE '\\'`, params: [...columnParams, containsPattern(value)] };
    case 'is_any_of':
      return { sql: `${column} COLLATE NOCASE IN (${list.map(() => '?').join(', ')})`, params: [...columnParams, ...list] };
    case 'is_empty':
      return { sql: `(${column} IS NULL OR ${column} = '')`, params: [...columnParams, ...columnParams] };
    case 'is_not_empty':
      return { sql: `(${column} IS NOT NULL AND ${column} <> '')`, params: [...columnParams, ...columnParams] };
  }
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
