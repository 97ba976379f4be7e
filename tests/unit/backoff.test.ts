import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../electron/core/delivery/backoff';

describe('retryDelayMs', () => {
  const noJitter = () => 1;

  it('doubles with each attempt and stops growing at five minutes', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 0, noJitter))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(30, 0, noJitter)).toBe(300_000);
  });

  it('spreads retries between half and all of the step', () => {
    expect(retryDelayMs(3, 0, () => 0)).toBe(4000);
    expect(retryDelayMs(3, 0, () => 0.5)).toBe(6000);
  });

  it('never retries sooner than the provider’s Retry-After', () => {
    expect(retryDelayMs(1, 30_000, noJitter)).toBe(30_000);
  });
});
