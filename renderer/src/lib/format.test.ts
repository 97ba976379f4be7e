import { describe, expect, it } from 'vitest';
import { countOf, formatBirthday, formatDate, formatDateTime, formatPhone } from './format';

describe('countOf', () => {
  it('uses the singular for one only', () => {
    expect(countOf(0, 'client')).toBe('0 clients');
    expect(countOf(1, 'client')).toBe('1 client');
    expect(countOf(12, 'client')).toBe('12 clients');
  });
});

describe('dates', () => {
  it('writes calendar dates and birthdays without shifting them a day', () => {
    expect(formatDate('2025-01-10', 'en-US')).toMatch(/10/);
    expect(formatBirthday('--04-23', 'en-GB')).toBe('23 April');
    expect(formatBirthday('1990-04-23', 'en-US')).toBe('April 23, 1990');
  });

  it('writes dates the salon’s way, whatever the computer’s language', () => {
    expect(formatDate('2025-06-12', 'en-GB')).toBe('12 Jun 2025');
    expect(formatDate('2025-06-12', 'en-US')).toBe('Jun 12, 2025');
    expect(formatDateTime('2025-06-12T13:05:00Z', 'Asia/Tokyo', 'en-GB')).toBe('12 Jun 2025, 22:05');
  });
});

describe('formatPhone', () => {
  it('writes home numbers the national way and others the international way', () => {
    expect(formatPhone('+14155552671', 'US')).toBe('(415) 555-2671');
    expect(formatPhone('+447911123456', 'US')).toBe('+44 7911 123456');
    expect(formatPhone('+447911123456', 'GB')).toBe('07911 123456');
  });

  it('leaves anything it cannot read as it was', () => {
    expect(formatPhone('not a number', 'US')).toBe('not a number');
  });
});
