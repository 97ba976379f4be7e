// Money is stored in whole cents; the owner sees and types it in their own currency.

const CURRENCY_BY_COUNTRY: Record<string, string> = {
  US: 'USD', CA: 'CAD', GB: 'GBP', IE: 'EUR', AU: 'AUD', NZ: 'NZD', ZA: 'ZAR', IN: 'INR', SG: 'SGD', JP: 'JPY',
  DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR', BE: 'EUR', AT: 'EUR', FI: 'EUR', PT: 'EUR',
  CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', MX: 'MXN', BR: 'BRL', AE: 'AED',
};

/** The salon's currency, from its country; undefined when we do not know it (plain numbers then). */
export function currencyFor(country: string): string | undefined {
  return CURRENCY_BY_COUNTRY[country];
}

/** 12550 cents → "$125.50" (or "125.50" when the currency is unknown). */
export function formatMoney(cents: number, country: string): string {
  const currency = currencyFor(country);
  const format = currency
    ? new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2 })
    : new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return format.format(cents / 100);
}

/** The symbol to put before an amount field, e.g. "$" or "£". */
export function currencySymbol(country: string): string {
  const currency = currencyFor(country);
  if (!currency) return '';
  const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? '';
}

/** An amount as typed (125.5) in whole cents (12550). */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}
