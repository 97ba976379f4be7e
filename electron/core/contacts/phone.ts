import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { numberingPlanPartners } from './phone-plan';

/** `region` is set when the number was found valid in another region of the country's plan. */
export type PhoneResult = { ok: true; e164: string; region?: CountryCode } | { ok: false; message: string };

/**
 * Normalise a phone number as typed to E.164, reading national numbers in the given country. A national
 * number that is not valid there is tried in the regions sharing the country's numbering plan (a
 * Guadeloupe mobile 0690 … in a French salon's list), and stored with the region that validates it.
 */
export function normalizePhone(raw: string, country: string): PhoneResult {
  const typed = raw.normalize('NFKC').trim();
  const parsed = parsePhoneNumberFromString(typed, country as CountryCode);
  if (parsed?.isValid()) return { ok: true, e164: parsed.number };
  const shared = typed.startsWith('+') || !isSupportedCountry(country) ? undefined : validInSharedPlan(typed, country);
  if (shared) return { ok: true, ...shared };
  return {
    ok: false,
    message: `“${typed}” is not a valid phone number for ${countryName(country)}. For a number from another country, start with + and its country code.`,
  };
}

/**
 * The first partner region that reads the number as valid without adding digits to it: some regions
 * complete a 7-digit local number with their own area code, which would be a guess, not a reading.
 */
function validInSharedPlan(typed: string, country: CountryCode): { e164: string; region: CountryCode } | undefined {
  const digits = typed.replace(/\D/g, '');
  for (const region of numberingPlanPartners(country)) {
    const parsed = parsePhoneNumberFromString(typed, region);
    if (parsed?.isValid() && digits.endsWith(parsed.nationalNumber)) return { e164: parsed.number, region: parsed.country ?? region };
  }
  return undefined;
}

export function countryName(country: string): string {
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(country) ?? country;
}
