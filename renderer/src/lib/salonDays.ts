// Calendar days on the salon's clock: "today" and "this month" are the salon's, wherever the computer is.

/** 'YYYY-MM-DD' of the moment `iso` (or now) in `timeZone`. */
export function salonDate(timeZone: string, at: Date | string = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first of the salon's month up to today, for a report's default range. */
export function monthSoFar(timeZone: string, now: Date = new Date()): { from: string; to: string } {
  const today = salonDate(timeZone, now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The day after a 'YYYY-MM-DD' date. */
function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1)).toISOString().slice(0, 10);
}

/** Items with a time, grouped by salon day in the order given (soonest first stays soonest first). */
export function groupBySalonDay<T extends { at: string }>(items: readonly T[], timeZone: string): Array<{ date: string; items: T[] }> {
  const days: Array<{ date: string; items: T[] }> = [];
  for (const item of items) {
    const date = salonDate(timeZone, item.at);
    const last = days.at(-1);
    if (last?.date === date) last.items.push(item);
    else days.push({ date, items: [item] });
  }
  return days;
}

/** An agenda's day heading: "Today", "Tomorrow", or "Monday 7 December" the salon's way. */
export function dayHeading(date: string, today: string, locale: string): string {
  if (date === today) return 'Today';
  if (date === nextDate(today)) return 'Tomorrow';
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "14:05" or "2:05 PM": the time of `iso` on the salon's clock. */
export function salonTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A chart's day label: "4 Dec" or "Dec 4". */
export function shortDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
