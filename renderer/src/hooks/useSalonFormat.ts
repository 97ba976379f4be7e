import { useMemo } from 'react';
import { salonLocale } from '../lib/locale';
import type { MoneyFormat } from '../lib/money';
import { useSettings } from '../stores/settings';

export interface SalonFormat {
  locale: string;
  timeZone: string;
  country: string;
  money: MoneyFormat;
}

/** How the salon writes dates and money, from its settings (country, time zone, currency). */
export function useSalonFormat(): SalonFormat {
  const { country, timeZone, currency } = useSettings();
  return useMemo(() => {
    const locale = salonLocale(country);
    return { locale, timeZone, country, money: { currency, locale } };
  }, [country, timeZone, currency]);
}
