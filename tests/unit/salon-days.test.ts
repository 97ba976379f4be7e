import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { salonDays } from '../../electron/core/dashboard/salon-days';

const ZONES = ['America/New_York', 'Europe/Paris', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'UTC'];
const day = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });

describe('the salon days the dashboard counts', () => {
  it('are the salon’s own: today holds now, the week starts on a Monday, 30 whole consecutive days end today, and the counted days hold them all (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }), fc.constantFrom(...ZONES), (now, zone) => {
        const days = salonDays(now, zone);
        const start = day(days.today, zone);
        expect(start.toMillis()).toBeLessThanOrEqual(now.getTime());
        expect(start.plus({ days: 1 }).toMillis()).toBeGreaterThan(now.getTime());
        const monday = day(days.weekStart, zone);
        expect(monday.weekday).toBe(1);
        expect(start.diff(monday, 'days').days).toBeGreaterThanOrEqual(0);
        expect(start.diff(monday, 'days').days).toBeLessThan(7);
        expect(days.monthStart).toBe(`${days.today.slice(0, 8)}01`);
        expect(days.last30).toHaveLength(30);
        expect(days.last30.at(-1)).toBe(days.today);
        days.last30.slice(1).forEach((date, i) => expect(day(date, zone).minus({ days: 1 }).toISODate()).toBe(days.last30[i]));
        expect(days.last7Start).toBe(days.last30[23]);
        expect(days.counted[0]).toBe([days.weekStart, days.monthStart, days.last30[0] ?? ''].sort()[0]);
        expect(days.counted.at(-1)).toBe(days.today);
        days.counted.slice(1).forEach((date, i) => expect(day(date, zone).minus({ days: 1 }).toISODate()).toBe(days.counted[i]));
      }),
      { numRuns: 200 },
    );
  });

  it('puts 23:30 on the Sunday New York springs forward in that Sunday, though it is Monday in UTC', () => {
    expect(salonDays(new Date('2026-03-09T03:30:00Z'), 'America/New_York')).toMatchObject({ today: '2026-03-08', weekStart: '2026-03-02', monthStart: '2026-03-01' });
  });
});
