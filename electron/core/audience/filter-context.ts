import { DateTime } from 'luxon';

/** "Today" and "this month" as the salon sees them, for relative conditions. */
export interface FilterContext {
  /** 'YYYY-MM-DD' in the salon's time zone. */
  today: string;
  /** 1-12 in the salon's time zone. */
  month: number;
}

export function filterContext(now: Date, timeZone: string): FilterContext {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return { today: local.toISODate() ?? now.toISOString().slice(0, 10), month: local.month };
}

/** The ISO date `days` after (negative: before) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days }).toISODate() ?? isoDate;
}
