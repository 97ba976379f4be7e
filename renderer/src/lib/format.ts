// Turning stored values into words and numbers a salon owner reads easily.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Channel } from '../../../shared/dto';

export const CHANNEL_LABELS = { sms: 'SMS', email: 'Email' } as const satisfies Record<Channel, string>;

/** "1 client", "12 clients". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Date and time in the salon's own time zone, e.g. "12 Jun 2025, 14:05". */
export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** A stored E.164 number the way people write it: national when dialled from the salon, international otherwise. */
export function formatPhone(e164: string, salonCountry: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  const fromHome = isSupportedCountry(salonCountry) && phone.countryCallingCode === getCountryCallingCode(salonCountry);
  return fromHome ? phone.formatNational() : phone.formatInternational();
}
