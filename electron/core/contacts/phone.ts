import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/** Normalise a phone number as typed to E.164, reading national numbers in the salon's country. */
export function normalizePhone(raw: string, country: string): PhoneResult {
  const typed = raw.normalize('NFKC').trim();
  const parsed = parsePhoneNumberFromString(typed, country as CountryCode);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      message: `“${typed}” is not a valid phone number for ${countryName(country)}. For a number from another country, start with + and its country code.`,
    };
  }
  return { ok: true, e164: parsed.number };
}

function countryName(country: string): string {
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country;
}
