// The audience builder's own state: conditions as the owner types them (text, half-typed numbers),
// turned into an AudienceFilter for the core. Incomplete conditions are left out of the filter and
// flagged, so the count always reflects what is filled in.
import {
  CONSENT_FIELDS,
  DATE_FIELDS,
  DATE_OPS,
  NUMBER_FIELDS,
  NUMBER_OPS,
  TAG_OPS,
  TEXT_FIELDS,
  TEXT_OPS,
  BIRTHDAY_OPS,
  type AudienceCondition,
  type AudienceFilter,
} from '../../../shared/audience';
import { CONSENT_STATUSES, type ConsentStatus } from '../../../shared/contacts';
import type { InputIssue } from '../../../shared/errors';
import { kindOf, type FieldKind } from './audienceFields';
import { toCents } from './money';

export interface DraftCondition {
  type: 'condition';
  /** Stable identity for React and for matching problems to the row. */
  key: string;
  field: string;
  op: string;
  /** As typed: text, a number, a date (YYYY-MM-DD), a number of days, a month '1'–'12' or a consent status. */
  value: string;
  /** The upper bound of 'between'. */
  value2: string;
  /** The values of 'is any of', and tags. */
  list: string[];
}

export interface DraftGroup {
  type: 'group';
  key: string;
  match: 'all' | 'any';
  children: DraftNode[];
}

export type DraftNode = DraftCondition | DraftGroup;

export interface Problem {
  /** incomplete: not filled in yet (left out quietly); invalid: filled in wrongly. */
  kind: 'incomplete' | 'invalid';
  message: string;
}

/** Groups inside groups, the whole audience counting as the first level. */
export const MAX_GROUP_DEPTH = 3;

let lastKey = 0;
const newKey = (): string => `node-${++lastKey}`;

const DEFAULT_OPS: Record<FieldKind, string> = {
  text: 'contains',
  number: 'gte',
  date: 'within_last_days',
  birthday: 'this_month',
  tags: 'any',
  consent: 'is',
};
const DAYS_OPS: ReadonlySet<string> = new Set(['more_than_days_ago', 'within_last_days']);

export function newGroup(match: DraftGroup['match'] = 'all', children: DraftNode[] = []): DraftGroup {
  return { type: 'group', key: newKey(), match, children };
}

export function newCondition(field = 'name'): DraftCondition {
  const kind = kindOf(field) ?? 'text';
  return { type: 'condition', key: newKey(), field, op: DEFAULT_OPS[kind], value: kind === 'consent' ? 'granted' : '', value2: '', list: [] };
}

/** Another field: keeps what was typed when the field is of the same kind. */
export function withField(condition: DraftCondition, field: string): DraftCondition {
  if (kindOf(field) === kindOf(condition.field)) return { ...condition, field };
  return { ...newCondition(field), key: condition.key };
}

/** Another operator: keeps the values unless they change meaning (a date versus a number of days). */
export function withOp(condition: DraftCondition, op: string): DraftCondition {
  const sameMeaning = DAYS_OPS.has(op) === DAYS_OPS.has(condition.op);
  return sameMeaning ? { ...condition, op } : { ...condition, op, value: '', value2: '' };
}

// ---------- From the builder to the filter ----------

const oneOf = <T extends string>(list: readonly T[], value: string): value is T => list.some((item) => item === value);
type TextField = (typeof TEXT_FIELDS)[number] | `custom:${string}`;
const isTextField = (field: string): field is TextField => field.startsWith('custom:') || oneOf(TEXT_FIELDS, field);

type Converted = { condition: AudienceCondition; problem?: undefined } | { condition?: undefined; problem: Problem };

const incomplete = (message: string): Converted => ({ problem: { kind: 'incomplete', message } });
const invalid = (message: string): Converted => ({ problem: { kind: 'invalid', message } });
const unknownField = (): Converted => invalid('This field is not known. Pick another one.');

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

export function toCondition(draft: DraftCondition): Converted {
  const { field, op } = draft;
  switch (kindOf(field)) {
    case 'text': {
      if (!isTextField(field) || !oneOf(TEXT_OPS, op)) return unknownField();
      if (op === 'is_empty' || op === 'is_not_empty') return { condition: { kind: 'text', field, op } };
      if (op === 'is_any_of') {
        const list = draft.list.map((item) => item.trim()).filter(Boolean);
        return list.length > 0 ? { condition: { kind: 'text', field, op, value: list } } : incomplete('Add at least one value.');
      }
      const text = draft.value.trim();
      return text ? { condition: { kind: 'text', field, op, value: text } } : incomplete('Type a value.');
    }
    case 'number': {
      if (!oneOf(NUMBER_FIELDS, field) || !oneOf(NUMBER_OPS, op)) return unknownField();
      const scale = (n: number) => (field === 'totalSpentCents' ? toCents(n) : n);
      const value = parseNumber(draft.value);
      if (value === null) return incomplete('Type a number.');
      if (op !== 'between') return { condition: { kind: 'number', field, op, value: scale(value) } };
      const value2 = parseNumber(draft.value2);
      if (value2 === null) return incomplete('Type the second number.');
      if (value2 < value) return invalid('The second number must be at least the first.');
      return { condition: { kind: 'number', field, op, value: scale(value), value2: scale(value2) } };
    }
    case 'date': {
      if (!oneOf(DATE_FIELDS, field) || !oneOf(DATE_OPS, op)) return unknownField();
      if (op === 'is_empty') return { condition: { kind: 'date', field, op } };
      if (op === 'more_than_days_ago' || op === 'within_last_days') {
        const days = parseNumber(draft.value);
        if (days === null) return incomplete('Type a number of days.');
        if (!Number.isInteger(days) || days < 0) return invalid('Use a whole number of days.');
        return { condition: { kind: 'date', field, op, value: days } };
      }
      if (!draft.value) return incomplete('Pick a date.');
      if (op !== 'between') return { condition: { kind: 'date', field, op, value: draft.value } };
      if (!draft.value2) return incomplete('Pick the end date.');
      if (draft.value2 < draft.value) return invalid('The end date must be on or after the start date.');
      return { condition: { kind: 'date', field, op, value: draft.value, value2: draft.value2 } };
    }
    case 'birthday': {
      if (!oneOf(BIRTHDAY_OPS, op)) return unknownField();
      if (op !== 'in_month') return { condition: { kind: 'birthday', field: 'birthday', op } };
      const month = parseNumber(draft.value);
      return month === null ? incomplete('Pick a month.') : { condition: { kind: 'birthday', field: 'birthday', op, value: month } };
    }
    case 'tags': {
      if (!oneOf(TAG_OPS, op)) return unknownField();
      return draft.list.length > 0
        ? { condition: { kind: 'tags', field: 'tags', op, value: draft.list } }
        : incomplete('Pick at least one tag.');
    }
    case 'consent': {
      if (!oneOf(CONSENT_FIELDS, field) || !oneOf(CONSENT_STATUSES, draft.value)) return unknownField();
      return { condition: { kind: 'consent', field, op: 'is', value: draft.value } };
    }
    case undefined:
      return unknownField();
  }
}

export interface CompiledAudience {
  filter: AudienceFilter;
  /** Rows left out of the filter, and why. */
  problems: ReadonlyMap<string, Problem>;
  /** Where each row went in the filter ('conditions.0.conditions.2'), to place the core's complaints. */
  paths: ReadonlyMap<string, string>;
}

export function toFilter(root: DraftGroup): CompiledAudience {
  const problems = new Map<string, Problem>();
  const compile = (group: DraftGroup, prefix: string): { filter: AudienceFilter; paths: Map<string, string> } => {
    const conditions: AudienceFilter['conditions'] = [];
    const paths = new Map<string, string>();
    for (const child of group.children) {
      const path = `${prefix}conditions.${conditions.length}`;
      if (child.type === 'group') {
        const nested = compile(child, `${path}.`);
        // An empty group would match everyone; it is left out until it has a condition.
        if (nested.filter.conditions.length === 0) continue;
        conditions.push(nested.filter);
        paths.set(path, child.key);
        nested.paths.forEach((key, nestedPath) => paths.set(nestedPath, key));
        continue;
      }
      const converted = toCondition(child);
      if (converted.problem) problems.set(child.key, converted.problem);
      else {
        conditions.push(converted.condition);
        paths.set(path, child.key);
      }
    }
    return { filter: { kind: 'group', match: group.match, conditions }, paths };
  };
  const { filter, paths } = compile(root, '');
  return { filter, problems, paths };
}

/** The core's complaints about a filter, by row; `prefix` is where the filter sits in the input ('filter.'). */
export function issuesByRow(issues: readonly InputIssue[], paths: ReadonlyMap<string, string>, prefix = 'filter.'): Map<string, string> {
  const byRow = new Map<string, string>();
  for (const issue of issues) {
    if (!issue.path.startsWith(prefix)) continue;
    const path = issue.path.slice(prefix.length);
    const owner = [...paths.keys()]
      .filter((candidate) => path === candidate || path.startsWith(`${candidate}.`))
      .sort((a, b) => b.length - a.length)[0];
    const key = owner && paths.get(owner);
    if (key && !byRow.has(key)) byRow.set(key, issue.message);
  }
  return byRow;
}

// ---------- From a saved filter back into the builder ----------

export function fromFilter(filter: AudienceFilter): DraftGroup {
  return newGroup(
    filter.match,
    filter.conditions.map((node) => (node.kind === 'group' ? fromFilter(node) : fromCondition(node))),
  );
}

function fromCondition(condition: AudienceCondition): DraftCondition {
  const draft: DraftCondition = { ...newCondition(condition.field), op: condition.op, value: '', value2: '', list: [] };
  switch (condition.kind) {
    case 'text':
      if (Array.isArray(condition.value)) return { ...draft, list: condition.value };
      return { ...draft, value: condition.value ?? '' };
    case 'number': {
      const unscale = (n: number) => String(condition.field === 'totalSpentCents' ? n / 100 : n);
      return { ...draft, value: unscale(condition.value), value2: condition.value2 === undefined ? '' : unscale(condition.value2) };
    }
    case 'date':
      return { ...draft, value: condition.value === undefined ? '' : String(condition.value), value2: condition.value2 ?? '' };
    case 'birthday':
      return { ...draft, value: condition.value === undefined ? '' : String(condition.value) };
    case 'tags':
      return { ...draft, list: condition.value };
    case 'consent':
      return { ...draft, value: condition.value satisfies ConsentStatus };
  }
}

// ---------- Editing the tree ----------

export function updateNode(root: DraftGroup, key: string, change: (node: DraftNode) => DraftNode): DraftGroup {
  const visit = (node: DraftNode): DraftNode => {
    if (node.key === key) return change(node);
    return node.type === 'group' ? { ...node, children: node.children.map(visit) } : node;
  };
  const updated = visit(root);
  return updated.type === 'group' ? updated : root;
}

export function removeNode(root: DraftGroup, key: string): DraftGroup {
  const visit = (group: DraftGroup): DraftGroup => ({
    ...group,
    children: group.children.filter((child) => child.key !== key).map((child) => (child.type === 'group' ? visit(child) : child)),
  });
  return visit(root);
}

export function addChild(root: DraftGroup, groupKey: string, child: DraftNode): DraftGroup {
  return updateNode(root, groupKey, (node) => (node.type === 'group' ? { ...node, children: [...node.children, child] } : node));
}

export function countConditions(group: DraftGroup): number {
  return group.children.reduce((sum, child) => sum + (child.type === 'group' ? countConditions(child) : 1), 0);
}
