// Turning stored values into words and numbers a salon owner reads easily.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Channel } from '../../../shared/dto';

export const CHANNEL_LABELS = { sms: 'Text', email: 'Email', push: 'Notification' } as const satisfies Record<Channel, string>;
export const CHANNEL_PLURALS = { sms: 'Texts', email: 'Emails', push: 'Notifications' } as const satisfies Record<Channel, string>;

const numbers = new Intl.NumberFormat('en-US');

/** 12345 → "12,345". */
export function formatCount(count: number): string {
  return numbers.format(count);
}

/** 1536000 → "1.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "1 client", "12 clients", "12,345 clients". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Date and time in the salon's own time zone and locale (lib/locale.ts), e.g. "12 Jun 2025, 14:05". */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** A calendar date ('2025-06-12') the salon's way, e.g. "12 Jun 2025"; never shifted by a time zone. */
export function formatDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

/** A birthday ('1990-04-23' or '--04-23' without the year), e.g. "23 April 1990" or "23 April". */
export function formatBirthday(birthday: string, locale: string): string {
  const match = /^(?:(\d{4})-|--)(\d{2})-(\d{2})$/.exec(birthday);
  if (!match) return birthday;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(year === undefined ? 2000 : Number(year), Number(month) - 1, Number(day)));
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };
  if (year !== undefined) options.year = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** A stored E.164 number the way people write it: national when dialled from the salon, international otherwise. */
export function formatPhone(e164: string, salonCountry: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  const fromHome = isSupportedCountry(salonCountry) && phone.countryCallingCode === getCountryCallingCode(salonCountry);
  return fromHome ? phone.formatNational() : phone.formatInternational();
}
