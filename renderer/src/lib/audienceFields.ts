// What the audience builder offers: every field a condition can be on, and its operators in words.
import {
  BIRTHDAY_OPS,
  CONSENT_FIELDS,
  DATE_FIELDS,
  DATE_OPS,
  NUMBER_FIELDS,
  NUMBER_OPS,
  TAG_OPS,
  TEXT_FIELDS,
  TEXT_OPS,
} from '../../../shared/audience';
import { BRIEF_FIELDS } from '../../../shared/contacts';
import { labelOf } from './fields';

export type FieldKind = 'text' | 'number' | 'date' | 'birthday' | 'tags' | 'consent';

export interface FieldOption {
  /** As the filter names it: 'visitCount', 'smsConsent', 'custom:Colour', … */
  field: string;
  label: string;
  kind: FieldKind;
  group: string;
}

export const OPERATORS: Record<FieldKind, ReadonlyArray<{ op: string; label: string }>> = {
  text: ops(TEXT_OPS, { is: 'is', is_not: 'is not', contains: 'contains', is_any_of: 'is any of', is_empty: 'is empty', is_not_empty: 'is not empty' }),
  number: ops(NUMBER_OPS, { eq: 'is', gt: 'is more than', gte: 'is at least', lt: 'is less than', lte: 'is at most', between: 'is between' }),
  date: ops(DATE_OPS, {
    before: 'is before',
    after: 'is after',
    between: 'is between',
    more_than_days_ago: 'is more than … days ago',
    within_last_days: 'is within the last … days',
    is_empty: 'is not known',
  }),
  birthday: ops(BIRTHDAY_OPS, { this_month: 'is this month', next_month: 'is next month', in_month: 'is in', is_empty: 'is not known' }),
  tags: ops(TAG_OPS, { any: 'has any of', all: 'has all of', none: 'has none of' }),
  consent: [{ op: 'is', label: 'is' }],
};

function ops<Op extends string>(all: readonly Op[], labels: Record<Op, string>) {
  return all.map((op) => ({ op, label: labels[op] }));
}

const CONSENT_LABELS: Record<(typeof CONSENT_FIELDS)[number], string> = {
  smsConsent: 'Consent to texts',
  emailConsent: 'Consent to emails',
  pushConsent: 'Consent to app notifications',
};

const BRIEF: ReadonlySet<string> = new Set(BRIEF_FIELDS);

/** Every field, grouped as the field picker shows them; custom fields last. */
export function fieldOptions(customFields: readonly string[]): FieldOption[] {
  return [
    ...TEXT_FIELDS.filter((field) => !BRIEF.has(field)).map((field) => option(field, 'text', 'Client details')),
    option('tags', 'tags', 'Client details'),
    ...NUMBER_FIELDS.map((field) => option(field, 'number', 'Visits and spending')),
    ...DATE_FIELDS.map((field) => option(field, 'date', 'Dates')),
    option('birthday', 'birthday', 'Dates'),
    ...CONSENT_FIELDS.map((field): FieldOption => ({ field, label: CONSENT_LABELS[field], kind: 'consent', group: 'Consent' })),
    ...BRIEF_FIELDS.map((field) => option(field, 'text', 'Leads and bookings')),
    ...customFields.map((key): FieldOption => ({ field: `custom:${key}`, label: key, kind: 'text', group: 'Custom fields' })),
  ];
}

function option(field: string, kind: FieldKind, group: string): FieldOption {
  return { field, label: labelOf(field), kind, group };
}

/** The kind of a field, custom fields included; undefined for a name the builder does not know. */
export function kindOf(field: string): FieldKind | undefined {
  if (field.startsWith('custom:')) return 'text';
  return fieldOptions([]).find((option) => option.field === field)?.kind;
}
