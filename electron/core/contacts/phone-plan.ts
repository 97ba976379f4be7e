import { getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';

/**
 * France's overseas departments and collectivities dial within France's national plan (0690 … in
 * Guadeloupe, 0692 … in Réunion) under calling codes of their own, so sharing the calling code is not
 * enough to find them. Each of these regions and France stand for one another.
 */
const FRENCH_PLAN: readonly CountryCode[] = ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF'];

let partners: Map<CountryCode, readonly CountryCode[]> | undefined;

/**
 * The other regions where a national number typed for `country` may belong: those sharing its
 * calling code (the NANP countries for US, GG, JE and IM for GB) and, for the French plan, its regions.
 * Built once, on the first number that needs it.
 */
export function numberingPlanPartners(country: CountryCode): readonly CountryCode[] {
  partners ??= buildPartners();
  return partners.get(country) ?? [];
}

function buildPartners(): Map<CountryCode, readonly CountryCode[]> {
  const byCallingCode = new Map<string, CountryCode[]>();
  for (const region of getCountries()) {
    const code = getCountryCallingCode(region);
    byCallingCode.set(code, [...(byCallingCode.get(code) ?? []), region]);
  }
  const result = new Map<CountryCode, readonly CountryCode[]>();
  for (const region of getCountries()) {
    const sameCode = byCallingCode.get(getCountryCallingCode(region)) ?? [];
    const plan = FRENCH_PLAN.includes(region) ? FRENCH_PLAN : [];
    result.set(region, [...new Set([...sameCode, ...plan])].filter((other) => other !== region));
  }
  return result;
}
