// A filter the contract accepts runs, however large: lists are bound as one JSON parameter each, and
// the contract bounds the whole filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILTER_PARTS, type AudienceCondition, type AudienceFilter } from '../../shared/audience';
import type { Core } from '../../electron/core';
import { createBroadcast } from '../support/broadcasts';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

const group = (match: 'all' | 'any', conditions: AudienceFilter['conditions']): AudienceFilter => ({ kind: 'group', match, conditions });
const times = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));

/** "Is any of" 500 values, one of which is `hit`. */
function anyOf500(field: 'leadStatus' | 'state' | 'custom:Stylist', hit: string): AudienceCondition {
  return { kind: 'text', field, op: 'is_any_of', value: [...times(499, (i) => `${field} value ${i}`), hit] };
}

/** The largest filter the contract takes: every part counted, nested four deep, lists at their longest. */
function largestFilter(): AudienceFilter {
  const leaf = () => anyOf500('custom:Stylist', 'Maria');
  const deepest = group('all', [{ kind: 'tags', field: 'tags', op: 'all', value: times(100, (i) => `Tag ${i}`) }]);
  const branch = () => group('any', [...times(47, leaf), group('all', [deepest])]);
  const root = group('any', [...times(9, branch), ...times(40, leaf)]);
  return root;
}

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
    const filter = group('any', [group('all', times(50, () => anyOf500('leadStatus', 'REGULAR'))), group('all', times(50, () => anyOf500('state', 'ca')))]);
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

  it('refuses a filter with one part more, saying why', async () => {
    const filter = largestFilter();
    filter.conditions.push({ kind: 'consent', field: 'smsConsent', op: 'is', value: 'granted' });
    const error = await callFailing(core, 'audience.summary', { filter });
    expect(error).toMatchObject({ code: 'invalid_input', message: `An audience can have at most ${MAX_FILTER_PARTS} conditions and groups in all` });
  });
});
