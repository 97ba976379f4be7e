import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE_PRESETS, type AudienceCondition, type AudienceFilter } from '../../shared/audience';
import type { Core } from '../../electron/core';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

// 05:00 UTC on 15 March 2026: still 14 March in Los Angeles, already evening of the 15th in Auckland.
const NOW = new Date('2026-03-15T05:00:00Z');
const all = (...conditions: AudienceFilter['conditions']): AudienceFilter => ({ kind: 'group', match: 'all', conditions });
const any = (...conditions: AudienceFilter['conditions']): AudienceFilter => ({ kind: 'group', match: 'any', conditions });
const GRANTED = { sms: 'granted', email: 'granted' } as const;

describe('audience filters', () => {
  const dir = tempDir();
  let core: Core;

  async function matching(filter: AudienceFilter): Promise<string[]> {
    const { contacts, total } = await call(core, 'contacts.list', { filter, limit: 1000 });
    const summary = await call(core, 'audience.summary', { filter });
    expect(summary.matched).toBe(total);
    return contacts.map((c) => c.name).sort();
  }
  const where = (condition: AudienceCondition) => matching(all(condition));

  beforeAll(async () => {
    core = createTestCore(dir.path, { clock: { now: () => NOW } });
    await call(core, 'settings.update', { timeZone: 'America/Los_Angeles' });
    await call(core, 'contacts.create', {
      name: 'Ana Lopez',
      phone: '(415) 555-2671',
      email: 'ana@salon.dev',
      visitCount: 5,
      lastVisitAt: '2026-01-01',
      clientSince: '2020-05-01',
      totalSpentCents: 125_000,
      birthday: '1990-03-20',
      leadStatus: 'Booked',
      customFields: { Stylist: 'Maria' },
      tags: ['VIP', 'Colour'],
      consent: GRANTED,
    });
    await call(core, 'contacts.create', {
      name: 'Bo Chen',
      phone: '(415) 555-2600',
      visitCount: 1,
      lastVisitAt: '2026-03-01',
      clientSince: '2026-03-01',
      birthday: '--04-02',
      state: 'CA',
      tags: ['colour'],
      consent: { sms: 'unknown', email: 'granted' },
    });
    await call(core, 'contacts.create', {
      name: 'Cy Duran',
      phone: '(415) 555-2614',
      visitCount: 3,
      lastVisitAt: '2025-06-01',
      customFields: { Stylist: 'Jo' },
      leadStatus: 'booked',
      consent: GRANTED,
    });
    await call(core, 'contacts.setConsent', { id: 3, channel: 'sms', status: 'opted_out', reason: 'Replied to say no more texts' });
    await call(core, 'contacts.create', {
      name: 'Di Evans',
      email: 'di@gmail.com',
      notes: 'Prefers 100% ammonia_free colour',
      tags: ['VIP'],
      consent: GRANTED,
    });
    await call(core, 'contacts.create', {
      name: "Ed O'Brien; DROP TABLE contacts; --",
      phone: '(415) 555-2690',
      visitCount: 12,
      lastVisitAt: '2026-03-14',
      consent: { sms: 'granted', email: 'unknown' },
    });
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it('matches everyone with an empty group', async () => {
    expect(await matching(all())).toHaveLength(5);
  });

  it('compares text without regard to case, and treats % and _ literally', async () => {
    expect(await where({ kind: 'text', field: 'leadStatus', op: 'is', value: 'BOOKED' })).toEqual(['Ana Lopez', 'Cy Duran']);
    expect(await where({ kind: 'text', field: 'leadStatus', op: 'is_not', value: 'booked' })).toHaveLength(3);
    expect(await where({ kind: 'text', field: 'notes', op: 'contains', value: '100% ammonia_free' })).toEqual(['Di Evans']);
    expect(await where({ kind: 'text', field: 'notes', op: 'contains', value: '100%_' })).toEqual([]);
    expect(await where({ kind: 'text', field: 'state', op: 'is_any_of', value: ['ny', 'ca'] })).toEqual(['Bo Chen']);
    expect(await where({ kind: 'text', field: 'email', op: 'is_empty' })).toHaveLength(3);
    expect(await where({ kind: 'text', field: 'email', op: 'is_not_empty' })).toEqual(['Ana Lopez', 'Di Evans']);
  });

  it('filters on custom fields like any other', async () => {
    expect(await where({ kind: 'text', field: 'custom:Stylist', op: 'is', value: 'maria' })).toEqual(['Ana Lopez']);
    expect(await where({ kind: 'text', field: 'custom:Stylist', op: 'is_not_empty' })).toEqual(['Ana Lopez', 'Cy Duran']);
    expect(await call(core, 'customFields.list', {})).toEqual(['Stylist']);
  });

  it('compares numbers, including ranges', async () => {
    const visits = (op: 'eq' | 'gt' | 'gte' | 'lt' | 'lte', value: number) =>
      where({ kind: 'number', field: 'visitCount', op, value });
    expect(await visits('eq', 3)).toEqual(['Cy Duran']);
    expect(await visits('gt', 3)).toEqual(['Ana Lopez', "Ed O'Brien; DROP TABLE contacts; --"]);
    expect(await visits('gte', 3)).toHaveLength(3);
    expect(await visits('lt', 3)).toEqual(['Bo Chen']);
    expect(await visits('lte', 1)).toEqual(['Bo Chen']);
    expect(await where({ kind: 'number', field: 'visitCount', op: 'between', value: 2, value2: 5 })).toEqual(['Ana Lopez', 'Cy Duran']);
    expect(await where({ kind: 'number', field: 'totalSpentCents', op: 'gte', value: 100_000 })).toEqual(['Ana Lopez']);
  });

  it('compares absolute dates, the end day included', async () => {
    expect(await where({ kind: 'date', field: 'lastVisitAt', op: 'before', value: '2026-01-01' })).toEqual(['Cy Duran']);
    expect(await where({ kind: 'date', field: 'lastVisitAt', op: 'after', value: '2026-03-01' })).toEqual([
      "Ed O'Brien; DROP TABLE contacts; --",
    ]);
    expect(
      await where({ kind: 'date', field: 'lastVisitAt', op: 'between', value: '2026-01-01', value2: '2026-03-01' }),
    ).toEqual(['Ana Lopez', 'Bo Chen']);
    expect(await where({ kind: 'date', field: 'lastVisitAt', op: 'is_empty' })).toEqual(['Di Evans']);
  });

  it('counts relative dates from the salon’s today', async () => {
    // Today is 14 March in Los Angeles: 60 days before is 13 January.
    expect(await where({ kind: 'date', field: 'lastVisitAt', op: 'more_than_days_ago', value: 60 })).toEqual([
      'Ana Lopez',
      'Cy Duran',
    ]);
    expect(await where({ kind: 'date', field: 'clientSince', op: 'within_last_days', value: 30 })).toEqual(['Bo Chen']);
    expect(await where({ kind: 'date', field: 'lastVisitAt', op: 'within_last_days', value: 0 })).toEqual([
      "Ed O'Brien; DROP TABLE contacts; --",
    ]);
  });

  it('moves "today" with the salon’s time zone, whatever the machine’s zone', async () => {
    const visitedToday = { kind: 'date', field: 'lastVisitAt', op: 'within_last_days', value: 0 } as const;
    const machineZone = process.env.TZ;
    try {
      for (const machine of ['UTC', 'Asia/Tokyo', 'America/New_York']) {
        process.env.TZ = machine;
        await call(core, 'settings.update', { timeZone: 'Pacific/Auckland' }); // already 15 March there
        expect(await where(visitedToday), machine).toEqual([]);
        expect(await where({ kind: 'birthday', field: 'birthday', op: 'this_month' })).toEqual(['Ana Lopez']);
        await call(core, 'settings.update', { timeZone: 'America/Los_Angeles' }); // still 14 March
        expect(await where(visitedToday), machine).toEqual(["Ed O'Brien; DROP TABLE contacts; --"]);
      }
    } finally {
      process.env.TZ = machineZone;
    }
  });

  it('finds birthdays this month, next month and in a chosen month, with or without a year', async () => {
    expect(await where({ kind: 'birthday', field: 'birthday', op: 'this_month' })).toEqual(['Ana Lopez']);
    expect(await where({ kind: 'birthday', field: 'birthday', op: 'next_month' })).toEqual(['Bo Chen']);
    expect(await where({ kind: 'birthday', field: 'birthday', op: 'in_month', value: 4 })).toEqual(['Bo Chen']);
    expect(await where({ kind: 'birthday', field: 'birthday', op: 'is_empty' })).toHaveLength(3);
  });

  it('matches tags any, all and none, whatever their case', async () => {
    expect(await where({ kind: 'tags', field: 'tags', op: 'any', value: ['vip'] })).toEqual(['Ana Lopez', 'Di Evans']);
    expect(await where({ kind: 'tags', field: 'tags', op: 'all', value: ['VIP', 'COLOUR'] })).toEqual(['Ana Lopez']);
    expect(await where({ kind: 'tags', field: 'tags', op: 'none', value: ['VIP'] })).toEqual([
      'Bo Chen',
      'Cy Duran',
      "Ed O'Brien; DROP TABLE contacts; --",
    ]);
    expect(await call(core, 'tags.list', {})).toEqual([
      { name: 'Colour', contacts: 2 },
      { name: 'VIP', contacts: 2 },
    ]);
  });

  it('filters on consent per channel', async () => {
    expect(await where({ kind: 'consent', field: 'smsConsent', op: 'is', value: 'opted_out' })).toEqual(['Cy Duran']);
    expect(await where({ kind: 'consent', field: 'emailConsent', op: 'is', value: 'unknown' })).toEqual([
      "Ed O'Brien; DROP TABLE contacts; --",
    ]);
  });

  it('nests AND and OR groups', async () => {
    const filter = all(
      { kind: 'number', field: 'visitCount', op: 'gte', value: 3 },
      any({ kind: 'tags', field: 'tags', op: 'any', value: ['VIP'] }, { kind: 'text', field: 'custom:Stylist', op: 'is', value: 'Jo' }),
    );
    expect(await matching(filter)).toEqual(['Ana Lopez', 'Cy Duran']);
  });

  it('runs the salon presets', async () => {
    const preset = (key: string) => AUDIENCE_PRESETS.find((p) => p.key === key)?.filter ?? all();
    expect(await matching(preset('lapsing-regulars'))).toEqual(['Ana Lopez', 'Cy Duran']);
    expect(await matching(preset('first-visit-follow-up'))).toEqual(['Bo Chen']);
    expect(await matching(preset('birthdays-this-month'))).toEqual(['Ana Lopez']);
    expect(await matching(preset('win-back'))).toEqual(['Cy Duran']);
  });

  it('explains per channel who is reachable and why the others are not', async () => {
    const summary = await call(core, 'audience.summary', { filter: all() });
    expect(summary.matched).toBe(5);
    expect(summary.sms).toEqual({ reachable: 2, optedOut: 1, noConsent: 1, noAddress: 1 });
    expect(summary.email).toEqual({ reachable: 2, optedOut: 0, noConsent: 0, noAddress: 3 });
    expect(summary.push.reachable).toBe(0);
    expect(summary.sample.map((c) => c.name)).toEqual(['Ana Lopez', 'Bo Chen', 'Cy Duran', 'Di Evans', "Ed O'Brien; DROP TABLE contacts; --"]);
    expect(summary.sample[2]?.consent.sms).toBe('opted_out');
  });

  it('treats SQL in values as plain text', async () => {
    for (const value of ["' OR 1=1 --", "x'); DELETE FROM contacts; --", '%', '_', '\\']) {
      expect(await where({ kind: 'text', field: 'name', op: 'is', value }), value).toEqual([]);
      expect(await where({ kind: 'text', field: 'custom:Stylist', op: 'is_any_of', value: [value] })).toEqual([]);
    }
    expect(await where({ kind: 'text', field: 'name', op: 'contains', value: 'DROP TABLE' })).toEqual([
      "Ed O'Brien; DROP TABLE contacts; --",
    ]);
    expect(await matching(all())).toHaveLength(5);
  });

  it('saves segments that are re-evaluated each time they are used', async () => {
    const vip = await call(core, 'segments.save', { name: 'VIPs', filter: all({ kind: 'tags', field: 'tags', op: 'any', value: ['VIP'] }) });
    const duplicate = await callFailing(core, 'segments.save', { name: 'vips', filter: all() });
    expect(duplicate).toMatchObject({ code: 'duplicate', issues: [{ path: 'name' }] });
    expect((await call(core, 'segments.list', {})).map((s) => s.name)).toEqual(['VIPs']);
    expect(await matching(vip.filter)).toHaveLength(2);

    await call(core, 'contacts.bulkTag', { target: { kind: 'ids', ids: [2, 3] }, tag: 'vip', action: 'add' });
    const [saved] = await call(core, 'segments.list', {});
    expect(await matching(saved?.filter ?? all())).toHaveLength(4);
    await call(core, 'contacts.bulkTag', { target: { kind: 'ids', ids: [2, 3] }, tag: 'VIP', action: 'remove' });

    const renamed = await call(core, 'segments.save', { id: vip.id, name: 'Best clients', filter: vip.filter });
    expect(renamed.name).toBe('Best clients');
    await call(core, 'segments.delete', { id: vip.id });
    expect(await call(core, 'segments.list', {})).toEqual([]);
  });
});
