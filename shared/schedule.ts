// When a step goes out: a wall-clock time in the salon's zone, turned into UTC correctly across DST,
// moved out of quiet hours, and Day N following Day 1 at the same local time.
import { DateTime } from 'luxon';

export interface QuietHours {
  /** 'HH:mm' local: nothing is sent before this... */
  start: string;
  /** ...or from this time on. */
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '08:00', end: '21:00' };

export interface ScheduledTime {
  /** 'YYYY-MM-DDTHH:mm' in the salon's zone, after any adjustment. */
  local: string;
  zone: string;
  /** ISO UTC instant. */
  utc: string;
  /** Why the time differs from the one asked for, in words; null when it does not. */
  note: string | null;
}

const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** The UTC instant of a local time; a time skipped by a DST change moves to the first valid minute. */
export function scheduleAt(local: string, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): ScheduledTime {
  const asked = DateTime.fromFormat(local, LOCAL_FORMAT, { zone });
  if (!asked.isValid) throw new RangeError(`Not a date and time: ${local}`);
  let time: DateTime = asked;
  let note: string | null = null;
  if (time.toFormat(LOCAL_FORMAT) !== local) note = `${local.slice(11)} does not exist that day (clocks go forward)`;
  const quietShift = outOfQuietHours(time, quiet);
  if (quietShift) {
    time = quietShift;
    note = `Moved to ${time.toFormat('ccc d LLL, HH:mm')}: outside quiet hours (${quiet.end}–${quiet.start})`;
  }
  return { local: time.toFormat(LOCAL_FORMAT), zone, utc: time.toUTC().toISO() ?? '', note };
}

/** Day N of a sequence: N-1 calendar days after Day 1, at the same wall-clock time. */
export function dayOfSequence(day1Local: string, day: number, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): ScheduledTime {
  const day1 = DateTime.fromFormat(day1Local, LOCAL_FORMAT, { zone });
  const local = day1.plus({ days: day - 1 }).toFormat('yyyy-MM-dd') + day1Local.slice(10);
  return scheduleAt(local, zone, quiet);
}

/** A time inside quiet hours, moved to the next moment sending is allowed; undefined if allowed. */
function outOfQuietHours(time: DateTime, quiet: QuietHours): DateTime | undefined {
  const minutes = time.hour * 60 + time.minute;
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  const atStart = (day: DateTime) => day.set({ hour: Math.floor(start / 60), minute: start % 60, second: 0, millisecond: 0 });
  if (minutes < start) return atStart(time);
  if (minutes >= end) return atStart(time.plus({ days: 1 }));
  return undefined;
}

function toMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export interface SendingWindow {
  /** Whether marketing messages may go out at `now`. */
  open: boolean;
  /** When the window (re)opens: `now` itself when open. */
  opensAt: Date;
  /** When the current or next window closes (quiet hours begin). */
  closesAt: Date;
}

/** Where `now` falls relative to the salon's quiet hours. */
export function sendingWindow(now: Date, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): SendingWindow {
  const time = DateTime.fromJSDate(now, { zone });
  const moved = outOfQuietHours(time, quiet);
  const opensAt = moved ?? time;
  const end = toMinutes(quiet.end);
  const closesAt = opensAt.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  return { open: moved === undefined, opensAt: moved ? moved.toJSDate() : now, closesAt: closesAt.toJSDate() };
}
