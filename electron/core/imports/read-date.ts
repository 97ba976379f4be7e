/** How the salon's country writes numeric dates: 4/5/2024 is April 5 in the US, 4 May elsewhere. */
export type DateOrder = 'MDY' | 'DMY';

/** The US and the territories that use its date order. */
const MONTH_FIRST_COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM']);

export function dateOrderFor(country: string): DateOrder {
  return MONTH_FIRST_COUNTRIES.has(country) ? 'MDY' : 'DMY';
}

export interface DateContext {
  order: DateOrder;
  /** Two-digit years are read as the latest year not after this one: 25 is 2025, 90 is 1990. */
  thisYear: number;
}

export type DateResult = { ok: true; value: string } | { ok: false; problem: 'unreadable' | 'impossible' };

interface DateParts {
  year: number | null;
  month: number;
  day: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

/** A full date as 'YYYY-MM-DD': ISO, numeric in the country's order, or with an English month name. */
export function readDate(text: string, context: DateContext): DateResult {
  const parts = readParts(text, context);
  if (!parts) return { ok: false, problem: 'unreadable' };
  if (parts.year === null) return { ok: false, problem: 'unreadable' };
  return isRealDate(parts) ? { ok: true, value: formatParts(parts) } : { ok: false, problem: 'impossible' };
}

/** A birthday as 'YYYY-MM-DD', or '--MM-DD' when the file gives no year. */
export function readBirthday(text: string, context: DateContext): DateResult {
  const parts = readParts(text, context);
  if (!parts) return { ok: false, problem: 'unreadable' };
  return isRealDate(parts) ? { ok: true, value: formatParts(parts) } : { ok: false, problem: 'impossible' };
}

function readParts(text: string, context: DateContext): DateParts | undefined {
  // A time after the date (exports often carry one) does not matter here.
  const date = text.trim().split(/[T\s]+(?=\d{1,2}:\d{2})/)[0] ?? '';
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(date);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  match = /^--(\d{2})-?(\d{2})$/.exec(date);
  if (match) return { year: null, month: Number(match[1]), day: Number(match[2]) };
  match = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?$/.exec(date);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    const year = match[3] === undefined ? null : fullYear(match[3], context.thisYear);
    return context.order === 'MDY' ? { year, month: first, day: second } : { year, month: second, day: first };
  }
  return readWithMonthName(date.toLowerCase(), context.thisYear);
}

/** "23 April 1990", "23-Apr-90", "April 23, 1990", "Apr 23" */
function readWithMonthName(date: string, thisYear: number): DateParts | undefined {
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?(?:[\s-]+(\d{4}|\d{2}))?$/.exec(date);
  const monthFirst = /^([a-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?$/.exec(date);
  const [dayText, monthText, yearText] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [];
  if (dayText === undefined || monthText === undefined || monthText.length < 3) return undefined;
  const month = MONTHS.findIndex((name) => monthText.startsWith(name)) + 1;
  if (month === 0) return undefined;
  return { year: yearText === undefined ? null : fullYear(yearText, thisYear), month, day: Number(dayText) };
}

function fullYear(text: string, thisYear: number): number {
  if (text.length === 4) return Number(text);
  const inThisCentury = 2000 + Number(text);
  return inThisCentury <= thisYear ? inThisCentury : inThisCentury - 100;
}

function isRealDate({ year, month, day }: DateParts): boolean {
  if (year !== null && (year < EARLIEST_YEAR || year > LATEST_YEAR)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  // Without a year, February 29 is a real birthday.
  const daysInMonth = new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function formatParts({ year, month, day }: DateParts): string {
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year === null ? `--${md}` : `${year}-${md}`;
}
