// Send times on the salon's clock: the default pick, the words a salon owner reads, and a check
// before asking, using the same quiet-hours rule as the core.
import { DateTime } from 'luxon';
import type { ScheduledTime } from '../../../../shared/schedule';
import { scheduleAt } from '../../../../shared/schedule';

export interface When {
  later: boolean;
  /** 'YYYY-MM-DD' on the salon's clock. */
  date: string;
  /** 'HH:mm' on the salon's clock. */
  time: string;
}

/** Send now; if the owner switches to later, tomorrow at 10:00 is offered first. */
export function defaultWhen(zone: string): When {
  return { later: false, date: DateTime.now().setZone(zone).plus({ days: 1 }).toISODate() ?? '', time: '10:00' };
}

/** The 'YYYY-MM-DDTHH:mm' the core takes, or undefined to send now. */
export function sendAtOf({ later, date, time }: When): string | undefined {
  return later ? `${date}T${time}` : undefined;
}

/** What the core will make of the time asked for (quiet hours applied), or a problem in words. */
export function previewSchedule(when: When, zone: string): ScheduledTime | string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(when.date) || !/^\d{2}:\d{2}$/.test(when.time)) return 'Pick a date and a time.';
  let schedule: ScheduledTime;
  try {
    schedule = scheduleAt(`${when.date}T${when.time}`, zone);
  } catch {
    return 'That is not a date and time.';
  }
  return new Date(schedule.utc) <= new Date() ? 'That time has passed. Pick a later one.' : schedule;
}

/** '2026-03-11T10:30' → "Wed 11 Mar at 10:30". */
export function formatLocal(local: string): string {
  const time = DateTime.fromFormat(local, "yyyy-MM-dd'T'HH:mm");
  return time.isValid ? time.toFormat("ccc d LLL 'at' HH:mm") : local;
}

/** "Wed 11 Mar at 10:30 (America/Chicago)". */
export function formatSchedule({ local, zone }: Pick<ScheduledTime, 'local' | 'zone'>): string {
  return `${formatLocal(local)} (${zone})`;
}
