import { DateTime } from 'luxon';

/**
 * The first moment after `after` that the salon's clock in `zone` shows `time` ('HH:MM'). On a day the
 * clocks skip that time (spring forward), it is the moment just after the skip.
 */
export function nextTimeOfDay(time: string, zone: string, after: Date): Date {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const start = DateTime.fromJSDate(after, { zone });
  const atTime = (day: DateTime) => day.set({ hour, minute, second: 0, millisecond: 0 });
  const today = atTime(start);
  return (today.toMillis() > after.getTime() ? today : atTime(start.plus({ days: 1 }))).toJSDate();
}
