import { describe, expect, it } from 'vitest';
import type { BreakdownCellDto, DeliveryCountsDto } from '../../../shared/tracking';
import { cellLabel, costWords, countWithRate, daysSent, fillTimeline, rateOf, statusWords, timelineLabel } from './broadcastTracking';

const counts = (over: Partial<DeliveryCountsDto> = {}): DeliveryCountsDto => ({
  recipients: 2,
  sent: 2,
  delivered: 2,
  failed: 0,
  pending: 0,
  unsure: 0,
  skipped: 0,
  cancelled: 0,
  optedOut: 0,
  replied: 0,
  tried: 2,
  ...over,
});
const waiting = counts({ sent: 0, delivered: 0, pending: 2, tried: 0 });
const cell = (day: number, channel: BreakdownCellDto['channel'], c: DeliveryCountsDto): BreakdownCellDto => ({ day, channel, counts: c });
const steps = (n: number, started = 0) => Array.from({ length: n }, (_, i) => ({ startedAt: i < started ? '2026-12-01T09:00:00.000Z' : null }));

describe('how far a sequence has got', () => {
  const dayOneSent = [cell(1, 'sms', counts()), cell(1, 'email', counts()), cell(2, 'sms', waiting), cell(2, 'email', waiting), cell(3, 'sms', waiting)];

  it('counts the days with nothing pending, from Day 1', () => {
    expect(daysSent(dayOneSent, 3)).toBe(1);
    expect(daysSent([cell(1, 'sms', waiting), cell(2, 'sms', counts())], 2)).toBe(0);
    // A day every message of which was cancelled never went out.
    expect(daysSent([cell(1, 'sms', counts({ cancelled: 2, sent: 0, delivered: 0, tried: 0 }))], 1)).toBe(0);
  });

  it('says "Sending, day 1 of 3 sent" for a sequence waiting for its next day, not "Scheduled"', () => {
    expect(statusWords({ status: 'scheduled', steps: steps(3) }, dayOneSent)).toEqual({ status: 'sending', progress: 'day 1 of 3 sent' });
    expect(statusWords({ status: 'paused', steps: steps(3) }, dayOneSent)).toEqual({ status: 'paused', progress: 'day 1 of 3 sent' });
  });

  it('keeps the status as it is before Day 1 went out, for a one-off and once finished', () => {
    expect(statusWords({ status: 'scheduled', steps: steps(2) }, [cell(1, 'sms', waiting), cell(2, 'sms', waiting)])).toEqual({
      status: 'scheduled',
      progress: null,
    });
    expect(statusWords({ status: 'sending', steps: steps(1) }, [cell(1, 'sms', counts())])).toEqual({ status: 'sending', progress: null });
    expect(statusWords({ status: 'completed', steps: steps(3) }, dayOneSent).progress).toBeNull();
    expect(statusWords({ status: 'scheduled', steps: steps(3) }, undefined)).toEqual({ status: 'scheduled', progress: null });
  });

  it('in the broadcasts list, without the breakdown, counts the days that started while it waits for the next', () => {
    expect(statusWords({ status: 'scheduled', steps: steps(3, 1) }, undefined)).toEqual({ status: 'sending', progress: 'day 1 of 3 sent' });
    expect(statusWords({ status: 'sending', steps: steps(3, 2) }, undefined)).toEqual({ status: 'sending', progress: null });
  });
});

describe('the breakdown in words', () => {
  it('names a row by day and channel in a sequence, by channel alone otherwise', () => {
    expect(cellLabel({ day: 2, channel: 'email' }, 2)).toBe('Day 2 · Email');
    expect(cellLabel({ day: 1, channel: 'sms' }, 1)).toBe('Text');
  });

  it('puts the rate over the messages tried next to the count', () => {
    const big = counts({ delivered: 1910, failed: 76, tried: 1986 });
    expect(countWithRate(1910, 'delivered', big, 'en-US')).toBe('1,910 delivered · 96.2%');
    expect(countWithRate(76, 'failed', big, 'fr-FR')).toBe('76 failed · 3,8\u00a0%');
    expect(countWithRate(0, 'delivered', waiting, 'en-US')).toBe('0 delivered');
    expect(rateOf(0, waiting, 'en-US')).toBeNull();
  });
});

describe('the cost', () => {
  const money = { currency: 'USD', locale: 'en-US' };

  it('says nothing was charged for a practice send, and what it would have cost', () => {
    const words = costWords({ currency: 'USD', estimated: 0.32, actual: 0.32, pricePending: 0, practice: true }, money);
    expect(words.actual).toBe('$0.00');
    expect(words.note).toContain('nothing was charged');
    expect(words.note).toContain('$0.32');
  });

  it('says for how many texts the price is still pending', () => {
    const words = costWords({ currency: 'EUR', estimated: 12.4, actual: 11.9, pricePending: 3, practice: false }, money);
    expect(words).toMatchObject({ estimated: '€12.40', actual: '€11.90' });
    expect(words.note).toContain('Price still pending for 3 texts');
    expect(costWords({ currency: 'EUR', estimated: 1, actual: 1, pricePending: 0, practice: false }, money).note).toBeNull();
  });
});

describe('the delivery chart', () => {
  it('labels points on the salon clock', () => {
    expect(timelineLabel('2026-12-04T13:05:00Z', 'minute', 'Europe/Paris', 'en-GB')).toBe('14:05');
    expect(timelineLabel('2026-12-04T13:00:00Z', 'hour', 'America/Chicago', 'en-US')).toBe('Fri 7:00 AM');
  });
});

describe('the delivery chart points', () => {
  it('puts back the empty minutes between the first and the last', () => {
    const points = fillTimeline({
      bucket: 'minute',
      points: [
        { at: '2026-12-04T13:05:00.000Z', sent: 3, delivered: 2, failed: 1 },
        { at: '2026-12-04T13:08:00.000Z', sent: 1, delivered: 1, failed: 0 },
      ],
    });
    expect(points.map((point) => point.at.slice(11, 16))).toEqual(['13:05', '13:06', '13:07', '13:08']);
    expect(points[1]).toEqual({ at: '2026-12-04T13:06:00.000Z', sent: 0, delivered: 0, failed: 0 });
    expect(fillTimeline({ bucket: 'hour', points: [] })).toEqual([]);
  });
});
