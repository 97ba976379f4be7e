// Money in the salon's currency (Settings → Costs), written the salon's way (lib/locale.ts).
// Amounts are stored in hundredths ("cents") whatever the currency, so changing the currency keeps
// every amount's value: €522.82 is stored as 52282 and shows as ¥523 in yen, which has no minor unit,
// or as KWD 522.820 in dinars, which has three (the third decimal is always 0).

export interface MoneyFormat {
  /** ISO 4217, e.g. "EUR". */
  currency: string;
  /** e.g. "en-GB" */
  locale: string;
}

/** Digits after the decimal mark the currency uses: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return currencyFormat(currency, 'en-US')?.resolvedOptions().maximumFractionDigits ?? 2;
}

/** Digits an amount may be typed with: the currency's, but no more than the two stored. */
export function typedDigits(currency: string): number {
  return Math.min(minorDigits(currency), 2);
}

/** 52282 stored → "€522.82", "¥523", "KWD 522.820". */
export function formatCents(cents: number, money: MoneyFormat): string {
  return formatAmount(cents / 100, money);
}

/** An amount in whole units (a price, a cost): in the currency's own digits, or exactly `digits`. */
export function formatAmount(amount: number, money: MoneyFormat, digits?: number): string {
  const fixed = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  const format = currencyFormat(money.currency, money.locale, fixed);
  // A code Intl does not know is written after the plain number.
  return format ? format.format(amount) : `${new Intl.NumberFormat(money.locale, fixed).format(amount)} ${money.currency}`;
}

/** The symbol to put before an amount field, e.g. "$", "£" or "¥"; the code when it has none. */
export function currencySymbol(money: MoneyFormat): string {
  const parts = currencyFormat(money.currency, money.locale)?.formatToParts(0) ?? [];
  return parts.find((part) => part.type === 'currency')?.value ?? money.currency;
}

/** An amount as typed (125.5) in stored hundredths (12550). */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/** Every ISO 4217 currency, "EUR – Euro", by code; the current one is kept even when Intl lacks it. */
export function currencyOptions(current: string): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  const codes = new Set([...Intl.supportedValuesOf('currency'), current]);
  return [...codes].sort().map((code) => ({ value: code, label: `${code} – ${names.of(code) ?? code}` }));
}

function currencyFormat(currency: string, locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat | undefined {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, ...options });
  } catch {
    return undefined;
  }
}
