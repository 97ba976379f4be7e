// How the salon writes numbers, money and dates: English (the app's language) as written in the
// salon's country, e.g. "12 Jun 2025" for en-GB or en-DE, "Jun 12, 2025" for en-US.

/** The salon's locale, from its two-letter country code; en-US when the code is not one. */
export function salonLocale(country: string): string {
  try {
    return Intl.getCanonicalLocales(`en-${country}`)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}
