import { describe, expect, it } from 'vitest';
import { dayOfSequence, scheduleAt } from '../../shared/schedule';

describe('schedule', () => {
  it('turns a salon wall-clock time into UTC, whatever the machine’s zone', () => {
    const machineZone = process.env.TZ;
    try {
      for (const machine of ['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Pacific/Chatham']) {
        process.env.TZ = machine;
        expect(scheduleAt('2026-07-01T10:00', 'Europe/London').utc, machine).toBe('2026-07-01T09:00:00.000Z');
        expect(scheduleAt('2026-01-15T10:00', 'Europe/London').utc, machine).toBe('2026-01-15T10:00:00.000Z');
        expect(scheduleAt('2026-01-15T10:00', 'Australia/Sydney').utc, machine).toBe('2026-01-14T23:00:00.000Z');
      }
    } finally {
      process.env.TZ = machineZone;
    }
  });

  it('keeps Day N at the same local time across a DST change', () => {
    // US clocks go forward on 8 March 2026: 10:00 stays 10:00 local, UTC moves by an hour.
    expect(dayOfSequence('2026-03-07T10:00', 1, 'America/New_York').utc).toBe('2026-03-07T15:00:00.000Z');
    expect(dayOfSequence('2026-03-07T10:00', 2, 'America/New_York')).toMatchObject({ local: '2026-03-08T10:00', utc: '2026-03-08T14:00:00.000Z' });
    // Europe goes back on 25 October 2026.
    expect(dayOfSequence('2026-10-24T09:30', 3, 'Europe/Paris')).toMatchObject({ local: '2026-10-26T09:30', utc: '2026-10-26T08:30:00.000Z' });
  });

  it('moves a time that does not exist (clocks forward) to the first valid minute, with a note', () => {
    // UK clocks jump from 01:00 to 02:00 on 29 March 2026.
    const skipped = scheduleAt('2026-03-29T01:30', 'Europe/London', { start: '00:00', end: '23:59' });
    expect(skipped).toMatchObject({ local: '2026-03-29T02:30', utc: '2026-03-29T01:30:00.000Z' });
    expect(skipped.note).toMatch(/does not exist/);
  });

  it('moves a step out of quiet hours, to the next allowed time, and says so', () => {
    const early = scheduleAt('2026-05-04T06:15', 'America/Chicago');
    expect(early).toMatchObject({ local: '2026-05-04T08:00', utc: '2026-05-04T13:00:00.000Z' });
    expect(early.note).toMatch(/quiet hours/);
    expect(scheduleAt('2026-05-04T21:00', 'America/Chicago').local).toBe('2026-05-05T08:00');
    expect(scheduleAt('2026-05-04T20:59', 'America/Chicago')).toMatchObject({ local: '2026-05-04T20:59', note: null });
  });

  it('refuses text that is not a date and time', () => {
    expect(() => scheduleAt('tomorrow', 'UTC')).toThrow(RangeError);
  });
});
