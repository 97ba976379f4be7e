// A filter the contract accepts runs, however large: lists are bound as one JSON parameter each, and
// the contract bounds the whole filter.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audienceFilterSchema,
  BIRTHDAY_OPS,
  conditionSchema,
  CONSENT_FIELDS,
  DATE_FIELDS,
  DATE_OPS,
  MAX_FILTER_PARTS,
  NUMBER_FIELDS,
  NUMBER_OPS,
  TAG_OPS,
  TEXT_FIELDS,
  TEXT_OPS,
  type AudienceCondition,
  type AudienceFilter,
} from '../../shared/audience';
import { CONSENT_STATUSES } from '../../shared/contacts';
import type { Core } from '../../electron/core';
import { createBroadcast } from '../support/broadcasts';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

const group = (match: 'all' | 'any', conditions: AudienceFilter['conditions']): AudienceFilter => ({ kind: 'group', match, conditions });
const times = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));

/** "Is any of" `count` values (500, the most a condition takes), one of which is `hit`. */
function anyOf(field: 'leadStatus' | 'state' | 'custom:Stylist', hit: string, count = 500): AudienceCondition {
  return { kind: 'text', field, op: 'is_any_of', value: [...times(count - 1, (i) => `${field} value ${i}`), hit] };
}

/** The largest filter the contract takes: every part counted, nested four deep, lists at their longest. */
function largestFilter(): AudienceFilter {
  const leaf = () => anyOf('custom:Stylist', 'Maria');
  const deepest = group('all', [{ kind: 'tags', field: 'tags', op: 'all', value: times(100, (i) => `Tag ${i}`) }]);
  const branch = () => group('any', [...times(47, leaf), group('all', [deepest])]);
  const root = group('any', [...times(9, branch), ...times(40, leaf)]);
  return root;
}

const text = fc.string({ unit: 'binary', maxLength: 20 });
const CUSTOM_KEYS = ['Stylist', 'a.b', 'x/y', '#1', 'R&D (2)', 'Élan', '名前', '-', 'two  spaces'];

/** Any condition the contract takes, of every kind, field and operator. */
const anyCondition: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({
    kind: fc.constant('text'),
    field: fc.oneof(fc.constantFrom(...TEXT_FIELDS), fc.constantFrom(...CUSTOM_KEYS).map((key) => `custom:${key}`)),
    op: fc.constantFrom(...TEXT_OPS),
    value: fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 5 })),
  }),
  fc.record({ kind: fc.constant('number'), field: fc.constantFrom(...NUMBER_FIELDS), op: fc.constantFrom(...NUMBER_OPS), value: fc.double({ noNaN: true, noDefaultInfinity: true }), value2: fc.double({ noNaN: true, noDefaultInfinity: true }) }, { requiredKeys: ['kind', 'field', 'op', 'value'] }),
  fc.record({ kind: fc.constant('date'), field: fc.constantFrom(...DATE_FIELDS), op: fc.constantFrom(...DATE_OPS), value: fc.oneof(fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fc.nat(36_500)), value2: fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }, { requiredKeys: ['kind', 'field', 'op'] }),
  fc.record({ kind: fc.constant('birthday'), field: fc.constant('birthday'), op: fc.constantFrom(...BIRTHDAY_OPS), value: fc.integer({ min: 1, max: 12 }) }, { requiredKeys: ['kind', 'field', 'op'] }),
  fc.record({ kind: fc.constant('tags'), field: fc.constant('tags'), op: fc.constantFrom(...TAG_OPS), value: fc.array(text, { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('consent'), field: fc.constantFrom(...CONSENT_FIELDS), op: fc.constant('is'), value: fc.constantFrom(...CONSENT_STATUSES) }),
).filter((raw) => conditionSchema.safeParse(raw).success);
const { anyFilter } = fc.letrec<{ anyFilter: unknown }>((tie) => ({
  anyFilter: fc.record({
    kind: fc.constant('group'),
    match: fc.constantFrom('all', 'any'),
    conditions: fc.array(fc.oneof({ maxDepth: 4 }, anyCondition, tie('anyFilter')), { maxLength: 6 }),
  }),
}));
/** Filters at the sizes the contract allows: groups of many conditions with long lists. */
const largeFilter = fc
  .record({ groups: fc.integer({ min: 1, max: 9 }), perGroup: fc.integer({ min: 1, max: 50 }), values: fc.integer({ min: 1, max: 500 }) })
  .map(({ groups, perGroup, values }) =>
    group('any', times(groups, () => group('all', times(perGroup, () => anyOf('custom:Stylist', 'Maria', values))))),
  );
/** What the contract accepts of those. */
const acceptedFilter = fc.oneof(anyFilter, largeFilter).map((raw) => audienceFilterSchema.safeParse(raw)).filter((r) => r.success).map((r) => r.data as AudienceFilter);

function parts(filter: AudienceFilter): number {
  return filter.conditions.reduce((sum, c) => sum + (c.kind === 'group' ? parts(c) : 1), 1);
}

describe('audience filters at the contract’s limits', () => {
  const dir = tempDir();
  let core: Core;

  beforeAll(async () => {
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { country: 'US' });
    const texts = { sms: 'granted', email: 'unknown' } as const;
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '4155552671', leadStatus: 'Regular', customFields: { Stylist: 'Maria' }, consent: texts });
    await call(core, 'contacts.create', { name: 'Bo Chen', phone: '4155552600', state: 'CA', consent: texts });
    await call(core, 'contacts.create', { name: 'Cy Duran', phone: '4155552614', leadStatus: 'Lost', consent: texts });
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it('counts, lists and launches to 2 × 50 conditions of "is any of" 500 values', async () => {
    const filter = group('any', [group('all', times(50, () => anyOf('leadStatus', 'REGULAR'))), group('all', times(50, () => anyOf('state', 'ca')))]);
    expect((await call(core, 'audience.summary', { filter })).matched).toBe(2);
    expect((await call(core, 'contacts.list', { filter, search: 'lopez' })).total).toBe(1);

    const draft = await createBroadcast(core, { name: 'Regulars and Californians', type: 'sms', body: 'Hi!', filter });
    expect((await call(core, 'broadcasts.review', { id: draft.id })).problems).toEqual([]);
    const launched = await call(core, 'broadcasts.launch', { id: draft.id });
    expect(launched.stats.recipients).toBe(2);
  });

  it('runs the largest filter the contract accepts', async () => {
    const filter = largestFilter();
    expect(parts(filter)).toBe(MAX_FILTER_PARTS);
    expect((await call(core, 'audience.summary', { filter })).matched).toBe(1);
    expect((await call(core, 'contacts.bulkTag', { target: { kind: 'matching', filter }, tag: 'Found', action: 'add' })).changed).toBe(1);
  });

  it('runs any filter the contract accepts, of every kind of condition', async () => {
    await fc.assert(
      fc.asyncProperty(acceptedFilter, async (filter) => {
        const result = await core.dispatch('audience.summary', { filter });
        if (!result.ok) throw new Error(`${result.error.message} for ${JSON.stringify(filter)}`);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a filter with one part more, saying why', async () => {
    const filter = largestFilter();
    filter.conditions.push({ kind: 'consent', field: 'smsConsent', op: 'is', value: 'granted' });
    const error = await callFailing(core, 'audience.summary', { filter });
    expect(error).toMatchObject({ code: 'invalid_input', message: `An audience can have at most ${MAX_FILTER_PARTS} conditions and groups in all` });
  });
});
