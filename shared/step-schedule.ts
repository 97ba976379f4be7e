// When each step of a broadcast goes out. Shared so the wizard shows the same times launch will use.
import { DateTime } from 'luxon';
import type { StepDraft } from './broadcasts';
import type { InputIssue } from './errors';
import { dayOfSequence, scheduleAt, type QuietHours, type ScheduledTime } from './schedule';

export interface StepTimes {
  /** Per step: its time, or null for Day 1 going straight away at launch. */
  schedules: Array<ScheduledTime | null>;
  problems: InputIssue[];
}

/**
 * Day 1 goes at its chosen time, or at launch (moved out of quiet hours if launch falls in them);
 * Day N at its chosen time, or Day 1's time N-1 days later. A chosen time in the past, or a step not
 * after the one before, is a problem to fix.
 */
export function stepSchedules(steps: ReadonlyArray<Pick<StepDraft, 'sendAt'>>, zone: string, quiet: QuietHours, now: Date): StepTimes {
  const problems: InputIssue[] = [];
  const nowLocal = DateTime.fromJSDate(now, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
  const schedules: Array<ScheduledTime | null> = [];
  let day1Local = nowLocal;
  steps.forEach((step, index) => {
    const day = index + 1;
    const path = `steps.${index}.sendAt`;
    let schedule: ScheduledTime;
    try {
      schedule = step.sendAt ? scheduleAt(step.sendAt, zone, quiet) : index === 0 ? scheduleAt(nowLocal, zone, quiet) : dayOfSequence(day1Local, day, zone, quiet);
    } catch {
      problems.push({ path, message: `Day ${day}: that is not a date and time.` });
      schedules.push(null);
      return;
    }
    if (index === 0) day1Local = schedule.local;
    if (step.sendAt && new Date(schedule.utc) <= now) {
      problems.push({ path, message: `Day ${day}: that time has passed. Pick a later one.` });
    }
    const previous = schedules.at(-1);
    const previousUtc = index === 0 ? null : (previous?.utc ?? now.toISOString());
    if (previousUtc !== null && schedule.utc <= previousUtc) {
      problems.push({ path, message: `Day ${day} must go out after Day ${day - 1}.` });
    }
    // Day 1 "at launch" outside quiet hours needs no time: it goes straight away.
    schedules.push(index === 0 && !step.sendAt && schedule.note === null ? null : schedule);
  });
  return { schedules, problems };
}
