// Country and time zone choices for the settings form.

const COMMON_COUNTRIES = [
  'US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'ZA', 'IN', 'SG', 'JP', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE',
  'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'PT', 'PL', 'MX', 'BR', 'AE',
];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

interface Option {
  value: string;
  label: string;
}

export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

/** Common countries by name, plus `current` if it is not among them. */
export function countryOptions(current: string): Option[] {
  const codes = COMMON_COUNTRIES.includes(current) ? COMMON_COUNTRIES : [...COMMON_COUNTRIES, current];
  return codes
    .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Every time zone this computer knows, plus `current` if it is not among them. */
export function timeZoneOptions(current: string): Option[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return (zones.includes(current) ? zones : [current, ...zones]).map((zone) => ({
    value: zone,
    label: zone.replaceAll('_', ' '),
  }));
}
