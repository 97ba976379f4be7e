import { describe, expect, it } from 'vitest';
import { currencyOptions, currencySymbol, formatAmount, formatCents, minorDigits, typedDigits } from './money';
import { salonLocale } from './locale';

describe('money', () => {
  it('follows the currency setting, not the country', () => {
    const japan = salonLocale('JP');
    expect(formatCents(52_282, { currency: 'EUR', locale: japan })).toBe('€522.82');
    expect(formatCents(52_282, { currency: 'JPY', locale: japan })).toBe('¥523');
  });

  it('writes each currency with its own minor unit', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('USD')).toBe(2);
    expect(typedDigits('KWD')).toBe(2);
    expect(typedDigits('JPY')).toBe(0);
    expect(formatCents(52_282, { currency: 'KWD', locale: 'en-US' })).toBe('KWD\u00a0522.820');
    expect(formatAmount(1_234_567, { currency: 'JPY', locale: 'en-US' })).toBe('¥1,234,567');
  });

  it('keeps a price per text to the digits asked for', () => {
    expect(formatAmount(0.0083, { currency: 'USD', locale: 'en-US' }, 4)).toBe('$0.0083');
    expect(formatAmount(1.2, { currency: 'JPY', locale: 'en-US' }, 2)).toBe('¥1.20');
  });

  it('writes an amount in a code Intl does not know, and its symbol, with the code', () => {
    expect(formatCents(1050, { currency: 'XYZ1', locale: 'en-US' })).toBe('10.5 XYZ1');
    expect(currencySymbol({ currency: 'GBP', locale: 'en-GB' })).toBe('£');
    expect(currencySymbol({ currency: 'CHF', locale: 'en-CH' })).toBe('CHF');
  });

  it('offers every ISO 4217 currency by name', () => {
    const options = currencyOptions('EUR');
    expect(options.length).toBeGreaterThan(150);
    expect(options).toContainEqual({ value: 'JPY', label: 'JPY – Japanese Yen' });
    expect(options).toContainEqual({ value: 'KWD', label: 'KWD – Kuwaiti Dinar' });
    expect(currencyOptions('ZZZ').some((option) => option.value === 'ZZZ')).toBe(true);
  });
});

describe('salonLocale', () => {
  it('is English as written in the salon’s country', () => {
    expect(salonLocale('GB')).toBe('en-GB');
    expect(salonLocale('jp')).toBe('en-JP');
    expect(salonLocale('not a country')).toBe('en-US');
  });
});
