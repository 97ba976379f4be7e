import { DateTime } from 'luxon';

/** The salon dates the dashboard reads, as 'YYYY-MM-DD' in the salon's zone. */
export interface SalonDays {
  today: string;
  /** Monday of this week. */
  weekStart: string;
  monthStart: string;
  /** The 30 days ending today, oldest first. */
  last30: string[];
  /** The 7 days ending today: the window of the undelivered-texts alert. */
  last7Start: string;
  /** Every day any of those reads, oldest first: from the month's, the week's or the 30 days' first day to today. */
  counted: string[];
}

export function salonDays(now: Date, zone: string): SalonDays {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const iso = (day: DateTime) => day.toISODate() ?? '';
  // Luxon's weeks are ISO weeks: Monday first, whatever the locale.
  const weekStart = today.startOf('week');
  const monthStart = today.startOf('month');
  const first = DateTime.min(weekStart, monthStart, today.minus({ days: 29 }));
  const daysSince = (start: DateTime) => Math.round(today.diff(start, 'days').days);
  return {
    today: iso(today),
    weekStart: iso(weekStart),
    monthStart: iso(monthStart),
    last30: Array.from({ length: 30 }, (_, i) => iso(today.minus({ days: 29 - i }))),
    last7Start: iso(today.minus({ days: 6 })),
    counted: Array.from({ length: daysSince(first) + 1 }, (_, i) => iso(first.plus({ days: i }))),
  };
}
