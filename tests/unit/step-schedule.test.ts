import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS } from '../../shared/schedule';
import { stepSchedules } from '../../shared/step-schedule';

const at = (sendAt: string | null) => ({ sendAt });

describe('when each step of a sequence goes out', () => {
  it('sends Day 1 at launch and Day N at launch time N-1 days later, on the salon’s clock', () => {
    // Friday 6 March 2026, 09:15 in New York; clocks go forward on Sunday the 8th.
    const now = new Date('2026-03-06T14:15:00Z');
    const { schedules, problems } = stepSchedules([at(null), at(null), at(null)], 'America/New_York', DEFAULT_QUIET_HOURS, now);
    expect(problems).toEqual([]);
    expect(schedules[0]).toBeNull();
    expect(schedules[1]).toMatchObject({ local: '2026-03-07T09:15', utc: '2026-03-07T14:15:00.000Z' });
    expect(schedules[2]).toMatchObject({ local: '2026-03-08T09:15', utc: '2026-03-08T13:15:00.000Z' });
  });

  it('moves a launch during quiet hours to the morning, and the later days with it', () => {
    const now = new Date('2026-06-10T04:30:00Z'); // 21:30 in Los Angeles
    const { schedules } = stepSchedules([at(null), at(null)], 'America/Los_Angeles', DEFAULT_QUIET_HOURS, now);
    expect(schedules[0]).toMatchObject({ local: '2026-06-10T08:00', note: expect.stringMatching(/quiet hours/) });
    expect(schedules[1]).toMatchObject({ local: '2026-06-11T08:00', note: null });
  });

  it('keeps a time the owner picked, in any zone, whatever the machine’s zone is', () => {
    const now = new Date('2026-10-20T00:00:00Z');
    const { schedules } = stepSchedules([at('2026-10-24T10:00'), at(null)], 'Europe/London', DEFAULT_QUIET_HOURS, now);
    // British Summer Time ends on Sunday 25 October: 10:00 is 09:00 UTC on the 24th, 10:00 UTC on the 25th.
    expect(schedules.map((schedule) => schedule?.utc)).toEqual(['2026-10-24T09:00:00.000Z', '2026-10-25T10:00:00.000Z']);
  });

  it('names each step that is in the past, not after the one before, or not a time at all', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const { problems } = stepSchedules([at('2026-05-02T10:00'), at('2026-05-02T09:00'), at('2026-02-30T10:00')], 'UTC', DEFAULT_QUIET_HOURS, now);
    expect(problems).toEqual([
      { path: 'steps.1.sendAt', message: 'Day 2 must go out after Day 1.' },
      { path: 'steps.2.sendAt', message: 'Day 3: that is not a date and time.' },
    ]);
  });
});
