import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { salonMinutes } from '../../electron/core/reports/salon-minutes';

const ZONES = ['Europe/Paris', 'America/New_York', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Asia/Tokyo', 'UTC'];

describe('a report time in the salon zone', () => {
  it('reads as the salon clock showed it, to the minute, across DST changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }),
        (zone, at) => {
          const format = salonMinutes(zone);
          const expected = DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
          expect(format(at.toISOString())).toBe(expected);
          // Asked again (remembered), the same.
          expect(format(at.toISOString())).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes Paris summer and winter times, and nothing for no time', () => {
    const paris = salonMinutes('Europe/Paris');
    expect(paris('2026-12-04T13:05:59.999Z')).toBe('2026-12-04 14:05');
    expect(paris('2026-07-04T13:05:00.000Z')).toBe('2026-07-04 15:05');
    expect(paris('2026-03-29T00:59:00.000Z')).toBe('2026-03-29 01:59');
    expect(paris('2026-03-29T01:00:00.000Z')).toBe('2026-03-29 03:00');
    expect(paris(null)).toBe('');
    expect(paris('not a time')).toBe('');
  });
});
