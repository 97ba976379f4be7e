// How a broadcast did, in words: how far a sequence has got, its day x channel rows, counts with their
// rates, its cost, and the delivery chart's time labels on the salon's clock.
import type { StepDto } from '../../../shared/broadcasts';
import type { BroadcastDto, BroadcastStatus } from '../../../shared/dto';
import type { BreakdownCellDto, CostDto, DeliveryCountsDto, DeliveryTimelineDto } from '../../../shared/tracking';
import { CHANNEL_LABELS, countOf } from './format';
import { formatAmount, type MoneyFormat } from './money';
import { formatNumber, formatRate } from './rates';

/** Days whose messages have all gone out (none pending), counted from Day 1. */
export function daysSent(cells: readonly BreakdownCellDto[], days: number): number {
  let sent = 0;
  for (let day = 1; day <= days; day++) {
    const ofDay = cells.filter((cell) => cell.day === day);
    const done = ofDay.length > 0 && ofDay.every(({ counts }) => counts.pending === 0 && counts.cancelled < counts.recipients);
    if (!done) break;
    sent = day;
  }
  return sent;
}

export interface StatusWords {
  /** The status whose badge to show. */
  status: BroadcastStatus;
  /** "day 1 of 3 sent" for a sequence under way; null otherwise. */
  progress: string | null;
}

/**
 * A sequence between its days is "scheduled" to the core, but to the owner it is still being sent:
 * "Sending, day 1 of 3 sent". One-off broadcasts and finished ones keep their own status. Without the
 * breakdown (the broadcasts list), a day counts as sent once it started while the broadcast waits
 * for its next day.
 */
export function statusWords(
  broadcast: Pick<BroadcastDto, 'status'> & { steps: ReadonlyArray<Pick<StepDto, 'startedAt'>> },
  cells: readonly BreakdownCellDto[] | undefined,
): StatusWords {
  const { status, steps } = broadcast;
  const underWay = status === 'scheduled' || status === 'sending' || status === 'paused';
  if (!underWay || steps.length < 2) return { status, progress: null };
  const sent = cells ? daysSent(cells, steps.length) : status === 'scheduled' ? steps.filter((step) => step.startedAt !== null).length : 0;
  if (sent === 0) return { status, progress: null };
  return { status: status === 'scheduled' ? 'sending' : status, progress: `day ${sent} of ${steps.length} sent` };
}

/** "Day 1 · Text" in a sequence, "Text" for a one-off. */
export function cellLabel(cell: Pick<BreakdownCellDto, 'day' | 'channel'>, days: number): string {
  return days > 1 ? `Day ${cell.day} · ${CHANNEL_LABELS[cell.channel]}` : CHANNEL_LABELS[cell.channel];
}

/** The rate of `count` among the messages tried, e.g. "96.2%"; null before any was tried. */
export function rateOf(count: number, counts: Pick<DeliveryCountsDto, 'tried'>, locale: string): string | null {
  return counts.tried === 0 ? null : formatRate(count / counts.tried, locale);
}

/** "1,910 delivered · 96.2%", or "0 delivered" before any message was tried. */
export function countWithRate(count: number, word: string, counts: Pick<DeliveryCountsDto, 'tried'>, locale: string): string {
  const rate = rateOf(count, counts, locale);
  return `${formatNumber(count, locale)} ${word}${rate === null ? '' : ` · ${rate}`}`;
}

export interface CostWords {
  estimated: string;
  actual: string;
  /** What to keep in mind about the actual figure; null when it is final. */
  note: string | null;
}

/** Estimated against actual, and why the actual may still change (prices pending) or was never charged (practice). */
export function costWords(cost: CostDto, money: MoneyFormat): CostWords {
  const format = { ...money, currency: cost.currency };
  const estimated = formatAmount(cost.estimated, format);
  if (cost.practice) {
    return {
      estimated,
      actual: formatAmount(0, format),
      note: `Practice send (sandbox): nothing was charged. Sent for real, what has gone out so far would have cost about ${formatAmount(cost.actual, format)}.`,
    };
  }
  const pending =
    cost.pricePending > 0
      ? `Price still pending for ${countOf(cost.pricePending, 'text')}: Twilio has not reported it yet, so the estimate is counted meanwhile.`
      : null;
  return { estimated, actual: formatAmount(cost.actual, format), note: pending };
}

/** A chart point's time on the salon's clock: "14:05" per minute, "Mon 14:00" per hour (the locale's 12 or 24 hours). */
export function timelineLabel(at: string, bucket: DeliveryTimelineDto['bucket'], timeZone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'minute'
      ? { hour: 'numeric', minute: '2-digit', timeZone }
      : { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone };
  return new Intl.DateTimeFormat(locale, options).format(new Date(at));
}

/** The short name of the salon's time zone at `at`, e.g. "CET" or "GMT-5", for an axis title. */
export function zoneName(at: string, timeZone: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(at));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

type TimelinePoint = DeliveryTimelineDto['points'][number];
const BUCKET_MS = { minute: 60_000, hour: 3_600_000 } as const;
/** More buckets than this are charted as they come, gaps and all. */
const MOST_BUCKETS = 1000;

/** The chart's points with the empty buckets between them put back, so quiet minutes show as gaps, not as nothing. */
export function fillTimeline({ bucket, points }: DeliveryTimelineDto): TimelinePoint[] {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return [];
  const step = BUCKET_MS[bucket];
  const start = Date.parse(first.at);
  const buckets = Math.round((Date.parse(last.at) - start) / step) + 1;
  if (buckets > MOST_BUCKETS) return [...points];
  const byTime = new Map(points.map((point) => [Date.parse(point.at), point]));
  return Array.from({ length: buckets }, (_, index) => {
    const time = start + index * step;
    return byTime.get(time) ?? { at: new Date(time).toISOString(), sent: 0, delivered: 0, failed: 0 };
  });
}
