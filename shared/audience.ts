// The audience filter: what the owner builds in the audience builder, saves as a segment, and what
// the core compiles to parameterised SQL. Field names come from these lists only.
import { z } from 'zod';
import { BRIEF_FIELDS, CONSENT_STATUSES, customFieldKey, isoDateSchema } from './contacts';

export const TEXT_FIELDS = ['name', 'firstName', 'lastName', 'phone', 'email', 'notes', ...BRIEF_FIELDS] as const;
export const NUMBER_FIELDS = ['visitCount', 'totalSpentCents'] as const;
export const DATE_FIELDS = ['lastVisitAt', 'nextAppointmentAt', 'clientSince', 'createdAt'] as const;
export const CONSENT_FIELDS = ['smsConsent', 'emailConsent', 'pushConsent'] as const;

export const TEXT_OPS = ['is', 'is_not', 'contains', 'is_any_of', 'is_empty', 'is_not_empty'] as const;
export const NUMBER_OPS = ['eq', 'gt', 'gte', 'lt', 'lte', 'between'] as const;
export const DATE_OPS = ['before', 'after', 'between', 'more_than_days_ago', 'within_last_days', 'is_empty'] as const;
export const BIRTHDAY_OPS = ['this_month', 'next_month', 'in_month', 'is_empty'] as const;
export const TAG_OPS = ['any', 'all', 'none'] as const;

const text = z.string().max(500);

const textCondition = z
  .object({
    kind: z.literal('text'),
    /** A contact field, or a custom field as `custom:<key>`. */
    field: z.union([z.enum(TEXT_FIELDS), z.templateLiteral(['custom:', z.string()])]),
    op: z.enum(TEXT_OPS),
    value: z.union([text, z.array(text).min(1).max(500)]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.field.startsWith('custom:') && !customFieldKey.safeParse(c.field.slice('custom:'.length)).success) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: 'That custom field name is not valid' });
    }
    const needsList = c.op === 'is_any_of';
    const needsText = c.op === 'is' || c.op === 'is_not' || c.op === 'contains';
    if (needsList && !Array.isArray(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'Give at least one value' });
    if (needsText && typeof c.value !== 'string') ctx.addIssue({ code: 'custom', path: ['value'], message: 'Give a value' });
  });

const numberCondition = z
  .object({
    kind: z.literal('number'),
    field: z.enum(NUMBER_FIELDS),
    op: z.enum(NUMBER_OPS),
    value: z.number().finite(),
    /** Upper bound for 'between' (inclusive). */
    value2: z.number().finite().optional(),
  })
  .strict()
  .refine((c) => c.op !== 'between' || (c.value2 !== undefined && c.value2 >= c.value), {
    path: ['value2'],
    message: 'Give an upper bound at least as large as the lower one',
  });

const dateCondition = z
  .object({
    kind: z.literal('date'),
    field: z.enum(DATE_FIELDS),
    op: z.enum(DATE_OPS),
    /** A date (before / after / between) or a number of days (the relative operators). */
    value: z.union([isoDateSchema, z.number().int().min(0).max(36_500)]).optional(),
    value2: isoDateSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const relative = c.op === 'more_than_days_ago' || c.op === 'within_last_days';
    if (relative && typeof c.value !== 'number') ctx.addIssue({ code: 'custom', path: ['value'], message: 'Give a number of days' });
    if ((c.op === 'before' || c.op === 'after' || c.op === 'between') && typeof c.value !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Give a date' });
    }
    if (c.op === 'between' && (c.value2 === undefined || (typeof c.value === 'string' && c.value2 < c.value))) {
      ctx.addIssue({ code: 'custom', path: ['value2'], message: 'Give an end date on or after the start date' });
    }
  });

const birthdayCondition = z
  .object({
    kind: z.literal('birthday'),
    field: z.literal('birthday'),
    op: z.enum(BIRTHDAY_OPS),
    /** Month 1-12 for 'in_month'. */
    value: z.number().int().min(1).max(12).optional(),
  })
  .strict()
  .refine((c) => c.op !== 'in_month' || c.value !== undefined, { path: ['value'], message: 'Pick a month' });

const tagCondition = z
  .object({
    kind: z.literal('tags'),
    field: z.literal('tags'),
    op: z.enum(TAG_OPS),
    value: z.array(z.string().trim().min(1).max(60)).min(1, 'Pick at least one tag').max(100),
  })
  .strict();

const consentCondition = z
  .object({
    kind: z.literal('consent'),
    field: z.enum(CONSENT_FIELDS),
    op: z.literal('is'),
    value: z.enum(CONSENT_STATUSES),
  })
  .strict();

export const conditionSchema = z.discriminatedUnion('kind', [
  textCondition,
  numberCondition,
  dateCondition,
  birthdayCondition,
  tagCondition,
  consentCondition,
]);
export type AudienceCondition = z.infer<typeof conditionSchema>;

export interface AudienceGroup {
  kind: 'group';
  /** all = AND, any = OR */
  match: 'all' | 'any';
  conditions: Array<AudienceCondition | AudienceGroup>;
}

/** Groups nest (at least one level, up to four); an empty group matches everyone. */
const MAX_DEPTH = 4;
/**
 * Conditions and groups in a whole filter. Without it, 50 per group four deep would be millions: a
 * filter the core could not run. Within it, any filter compiles to SQL well inside SQLite's limits.
 */
export const MAX_FILTER_PARTS = 500;
export const audienceFilterSchema: z.ZodType<AudienceGroup> = z.lazy(() =>
  z
    .object({
      kind: z.literal('group'),
      match: z.enum(['all', 'any']),
      conditions: z.array(z.union([conditionSchema, audienceFilterSchema])).max(50),
    })
    .strict(),
).superRefine((group, ctx) => {
  if (depth(group) > MAX_DEPTH) ctx.addIssue({ code: 'custom', message: `Groups can nest at most ${MAX_DEPTH} deep` });
  if (parts(group) > MAX_FILTER_PARTS) {
    ctx.addIssue({ code: 'custom', message: `An audience can have at most ${MAX_FILTER_PARTS} conditions and groups in all` });
  }
});
export type AudienceFilter = AudienceGroup;

function depth(group: AudienceGroup): number {
  const inner = group.conditions.filter((c): c is AudienceGroup => c.kind === 'group').map(depth);
  return 1 + Math.max(0, ...inner);
}

function parts(group: AudienceGroup): number {
  return group.conditions.reduce((sum, c) => sum + (c.kind === 'group' ? parts(c) : 1), 1);
}

export const EVERYONE: AudienceFilter = { kind: 'group', match: 'all', conditions: [] };

export interface AudiencePreset {
  key: string;
  name: string;
  description: string;
  filter: AudienceFilter;
}

/** Ready-made salon audiences the owner can start from. */
export const AUDIENCE_PRESETS: AudiencePreset[] = [
  {
    key: 'lapsing-regulars',
    name: 'Lapsing regulars',
    description: '3 or more visits, the last one more than 60 days ago (and within the last 12 months).',
    filter: {
      kind: 'group',
      match: 'all',
      conditions: [
        { kind: 'number', field: 'visitCount', op: 'gte', value: 3 },
        { kind: 'date', field: 'lastVisitAt', op: 'more_than_days_ago', value: 60 },
        { kind: 'date', field: 'lastVisitAt', op: 'within_last_days', value: 365 },
      ],
    },
  },
  {
    key: 'first-visit-follow-up',
    name: 'First-visit follow-up',
    description: 'Exactly one visit, in the last 30 days.',
    filter: {
      kind: 'group',
      match: 'all',
      conditions: [
        { kind: 'number', field: 'visitCount', op: 'eq', value: 1 },
        { kind: 'date', field: 'lastVisitAt', op: 'within_last_days', value: 30 },
      ],
    },
  },
  {
    key: 'birthdays-this-month',
    name: 'Birthdays this month',
    description: 'Clients whose birthday falls in the current month.',
    filter: { kind: 'group', match: 'all', conditions: [{ kind: 'birthday', field: 'birthday', op: 'this_month' }] },
  },
  {
    key: 'win-back',
    name: 'Win-back',
    description: 'No visit in the last 6 months.',
    filter: {
      kind: 'group',
      match: 'all',
      conditions: [{ kind: 'date', field: 'lastVisitAt', op: 'more_than_days_ago', value: 182 }],
    },
  },
];
