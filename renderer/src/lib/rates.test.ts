import { describe, expect, it } from 'vitest';
import { deliveredSentence, deliveryRate, failureRate, formatNumber, formatRate } from './rates';

describe('formatNumber', () => {
  it('groups thousands the salon’s way', () => {
    expect(formatNumber(1910, 'en-US')).toBe('1,910');
    expect(formatNumber(1910, 'en-FR')).toMatch(/^1\s910$/);
    expect(formatNumber(1910, 'en-DE')).toBe('1.910');
    expect(formatNumber(0, 'en-US')).toBe('0');
  });
});

describe('rates', () => {
  it('divides by the messages tried, with no rate before any', () => {
    expect(deliveryRate({ delivered: 27, tried: 28 })).toBeCloseTo(0.9643);
    expect(failureRate({ failed: 1, tried: 4 })).toBe(0.25);
    expect(deliveryRate({ delivered: 0, tried: 0 })).toBeNull();
    expect(failureRate({ failed: 0, tried: 0 })).toBeNull();
  });

  it('writes a rate with one decimal at most, in the salon’s way', () => {
    expect(formatRate(0.9643, 'en-US')).toBe('96.4%');
    expect(formatRate(0.0625, 'en-FR')).toBe('6,3%');
    expect(formatRate(1, 'en-US')).toBe('100%');
    expect(formatRate(0, 'en-US')).toBe('0%');
  });

  it('never shows 100% while one is missing, nor 0% while one is there', () => {
    expect(formatRate(1999 / 2000, 'en-US')).toBe('99.9%');
    expect(formatRate(1 / 5000, 'en-US')).toBe('0.1%');
  });

  it('says the rate with its raw counts', () => {
    expect(deliveredSentence({ delivered: 1910, tried: 2000 }, 'en-US')).toBe('1,910 delivered · 95.5% of 2,000 tried');
    expect(deliveredSentence({ delivered: 0, tried: 0 }, 'en-US')).toBe('Nothing sent yet');
  });
});
