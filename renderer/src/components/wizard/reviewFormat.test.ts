import { describe, expect, it } from 'vitest';
import { formatDuration, formatMoney } from './reviewFormat';

describe('review figures in words', () => {
  it('says how long sending takes in the words an owner would use', () => {
    expect(formatDuration(0)).toBe('under a minute');
    expect(formatDuration(59)).toBe('under a minute');
    expect(formatDuration(90)).toBe('about 2 minutes');
    expect(formatDuration(3_600)).toBe('about 1 hour');
    expect(formatDuration(100_000)).toBe('about 27 hours 47 minutes');
  });

  it('shows money in the salon’s currency, with four digits for a price per segment', () => {
    expect(formatMoney(12.345, 'USD')).toBe('$12.35');
    expect(formatMoney(0.0083, 'USD', 4)).toBe('$0.0083');
    expect(formatMoney(3, 'GBP')).toBe('£3.00');
  });
});
