// When the watched file runs next: the owner's time on the salon's clock, whatever the machine's zone.
import { describe, expect, it } from 'vitest';
import { nextTimeOfDay } from '../../electron/core/imports/watch-schedule';

const next = (time: string, zone: string, after: string) => nextTimeOfDay(time, zone, new Date(after)).toISOString();

describe('nextTimeOfDay', () => {
  it('is later today when the time is still to come, else tomorrow', () => {
    expect(next('02:00', 'Europe/Paris', '2026-03-10T00:30:00Z')).toBe('2026-03-10T01:00:00.000Z');
    expect(next('02:00', 'Europe/Paris', '2026-03-10T01:00:00Z')).toBe('2026-03-11T01:00:00.000Z');
    expect(next('23:30', 'Asia/Tokyo', '2026-03-10T15:00:00Z')).toBe('2026-03-11T14:30:00.000Z');
  });

  it('follows the salon’s clock over a change of summer time', () => {
    expect(next('06:00', 'Europe/Paris', '2026-03-28T12:00:00Z')).toBe('2026-03-29T04:00:00.000Z');
    // 02:30 does not exist in Paris on 29 March 2026: the run is just after the clocks skip it.
    expect(next('02:30', 'Europe/Paris', '2026-03-28T12:00:00Z')).toBe('2026-03-29T01:30:00.000Z');
    expect(next('06:00', 'America/New_York', '2026-11-01T05:00:00Z')).toBe('2026-11-01T11:00:00.000Z');
  });
});
