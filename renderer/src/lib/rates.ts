// Counts and rates on the dashboard and the Reports page, written the salon's way ("1,910", "1 910").
import type { DeliveryCountsDto } from '../../../shared/tracking';

/** 1910 → "1,910" in en-US, "1 910" in en-FR, "1.910" in en-DE. */
export function formatNumber(count: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(count);
}

/** Delivered ÷ tried, or null when nothing was tried yet (no rate to speak of). */
export function deliveryRate(counts: Pick<DeliveryCountsDto, 'delivered' | 'tried'>): number | null {
  return counts.tried === 0 ? null : counts.delivered / counts.tried;
}

/** Failed ÷ tried, or null when nothing was tried yet. */
export function failureRate(counts: Pick<DeliveryCountsDto, 'failed' | 'tried'>): number | null {
  return counts.tried === 0 ? null : counts.failed / counts.tried;
}

/**
 * 0.9643 → "96.4%"; at most one decimal, and never rounded up to a full 100% or down to 0% while
 * some messages are missing or present, so "100%" always means every one.
 */
export function formatRate(rate: number, locale: string): string {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const shown = rate > 0.999 && rate < 1 ? 0.999 : rate > 0 && rate < 0.001 ? 0.001 : rate;
  return percent.format(shown);
}

/**
 * "27 delivered · 96.4% of 28 tried"; "Nothing sent yet" without a try. Tried counts the messages the
 * provider refused too, so it can be more than the number sent: the sentence names it.
 */
export function deliveredSentence(counts: Pick<DeliveryCountsDto, 'delivered' | 'tried'>, locale: string): string {
  const rate = deliveryRate(counts);
  if (rate === null) return 'Nothing sent yet';
  return `${formatNumber(counts.delivered, locale)} delivered · ${formatRate(rate, locale)} of ${formatNumber(counts.tried, locale)} tried`;
}
