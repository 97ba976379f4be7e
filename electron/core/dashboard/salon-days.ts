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
}

export function salonDays(now: Date, zone: string): SalonDays {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const iso = (day: DateTime) => day.toISODate() ?? '';
  return {
    today: iso(today),
    // Luxon's weeks are ISO weeks: Monday first, whatever the locale.
    weekStart: iso(today.startOf('week')),
    monthStart: iso(today.startOf('month')),
    last30: Array.from({ length: 30 }, (_, i) => iso(today.minus({ days: 29 - i }))),
    last7Start: iso(today.minus({ days: 6 })),
  };
}
