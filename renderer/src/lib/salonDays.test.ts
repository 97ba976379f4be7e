import { describe, expect, it } from 'vitest';
import { dayHeading, groupBySalonDay, monthSoFar, salonDate, salonTime, shortDay } from './salonDays';

describe('salon days', () => {
  it('reads the date on the salon’s clock, not the computer’s', () => {
    expect(salonDate('Asia/Tokyo', '2026-12-04T16:30:00Z')).toBe('2026-12-05');
    expect(salonDate('America/Los_Angeles', '2026-12-04T06:30:00Z')).toBe('2026-12-03');
  });

  it('starts a report on the first of the salon’s month', () => {
    expect(monthSoFar('Europe/Paris', new Date('2026-11-30T23:30:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(monthSoFar('America/New_York', new Date('2026-12-04T12:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-04' });
  });

  it('groups an agenda by salon day, soonest first', () => {
    const items = [
      { at: '2026-12-04T20:00:00Z', name: 'a' },
      { at: '2026-12-04T23:30:00Z', name: 'b' },
      { at: '2026-12-06T09:00:00Z', name: 'c' },
    ];
    expect(groupBySalonDay(items, 'Europe/Paris').map(({ date, items: day }) => [date, day.map((item) => item.name)])).toEqual([
      ['2026-12-04', ['a']],
      ['2026-12-05', ['b']],
      ['2026-12-06', ['c']],
    ]);
  });

  it('heads days as today, tomorrow, then by weekday and date', () => {
    expect(dayHeading('2026-12-04', '2026-12-04', 'en-GB')).toBe('Today');
    expect(dayHeading('2027-01-01', '2026-12-31', 'en-GB')).toBe('Tomorrow');
    expect(dayHeading('2026-12-07', '2026-12-04', 'en-GB')).toBe('Monday 7 December');
    expect(dayHeading('2026-12-07', '2026-12-04', 'en-US')).toBe('Monday, December 7');
  });

  it('writes times and chart days the salon’s way', () => {
    expect(salonTime('2026-12-04T13:05:00Z', 'Europe/London', 'en-GB')).toBe('13:05');
    expect(salonTime('2026-12-04T13:05:00Z', 'America/New_York', 'en-US')).toMatch(/^8:05\sAM$/);
    expect(shortDay('2026-12-04', 'en-GB')).toBe('4 Dec');
    expect(shortDay('2026-12-04', 'en-US')).toBe('Dec 4');
  });
});
