import { describe, expect, it } from 'vitest';
import type { SettingsDto } from '../../../shared/dto';
import { costsLimitsDraftFrom, costsLimitsPatch, toNumber } from './settingsForm';

const settings: SettingsDto = {
  salonName: 'Studio',
  postalAddress: '1 Main St',
  country: 'US',
  timeZone: 'America/New_York',
  sendingPaused: false,
  startAtLogin: false,
  quietHours: { start: '08:00', end: '21:00' },
  currency: 'USD',
  smsPricePerSegment: 0.0083,
  budgetCap: null,
  smsPerSecond: 1,
  emailPerMinute: 20,
  ownerPhone: '+14155552671',
  ownerEmail: null,
  graceHours: 2,
  frequencyCap: 2,
};

describe('the costs, limits and quiet hours form', () => {
  it('starts from the settings, the phone shown as the owner would write it', () => {
    const draft = costsLimitsDraftFrom(settings);
    expect(draft).toMatchObject({ ownerPhone: '(415) 555-2671', ownerEmail: '', budgetCap: '', quietStart: '08:00', quietEnd: '21:00' });
  });

  it('sends only what changed, so an untouched phone is not re-read under another country', () => {
    const before = costsLimitsDraftFrom(settings);
    expect(costsLimitsPatch(before, before)).toEqual({ ok: true, patch: {} });
    const after = { ...before, quietEnd: '20:00', smsPerSecond: 3, currency: 'GBP', ownerEmail: ' me@salon.com ', graceHours: 6 };
    expect(costsLimitsPatch(before, after)).toEqual({
      ok: true,
      patch: {
        quietHours: { start: '08:00', end: '20:00' },
        smsPerSecond: 3,
        currency: 'GBP',
        ownerEmail: 'me@salon.com',
        graceHours: 6,
      },
    });
  });

  it('turns emptied boxes into "none": no cap, no test phone', () => {
    const before = costsLimitsDraftFrom({ ...settings, budgetCap: 50 });
    expect(before.budgetCap).toBe(50);
    expect(costsLimitsPatch(before, { ...before, budgetCap: '', ownerPhone: '  ' })).toEqual({
      ok: true,
      patch: { budgetCap: null, ownerPhone: null },
    });
    expect(costsLimitsPatch(before, { ...before, budgetCap: 75.5 })).toEqual({ ok: true, patch: { budgetCap: 75.5 } });
  });

  it('takes messages per client per week as a number, or empty for no limit', () => {
    const before = costsLimitsDraftFrom(settings);
    expect(before.frequencyCap).toBe(2);
    expect(costsLimitsPatch(before, { ...before, frequencyCap: 3 })).toEqual({ ok: true, patch: { frequencyCap: 3 } });
    expect(costsLimitsPatch(before, { ...before, frequencyCap: ' ' })).toEqual({ ok: true, patch: { frequencyCap: null } });
    const unlimited = costsLimitsDraftFrom({ ...settings, frequencyCap: null });
    expect(unlimited.frequencyCap).toBe('');
    expect(costsLimitsPatch(unlimited, { ...unlimited, frequencyCap: '4' })).toEqual({ ok: true, patch: { frequencyCap: 4 } });
  });

  it('reports emptied or half-typed numbers on their own fields instead of sending them', () => {
    const before = costsLimitsDraftFrom(settings);
    const result = costsLimitsPatch(before, { ...before, smsPricePerSegment: '', emailPerMinute: '-', budgetCap: '-', graceHours: '', frequencyCap: '-' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      'smsPricePerSegment',
      'budgetCap',
      'emailPerMinute',
      'graceHours',
      'frequencyCap',
    ]);
  });

  it('reads NumberInput values', () => {
    expect(toNumber(0.0083)).toBe(0.0083);
    expect(toNumber('12.5')).toBe(12.5);
    expect(toNumber('')).toBeNull();
    expect(toNumber('-')).toBeNull();
  });
});
