import { describe, expect, it } from 'vitest';
import { countOf, formatBirthday, formatDate, formatPhone } from './format';

describe('countOf', () => {
  it('uses the singular for one only', () => {
    expect(countOf(0, 'client')).toBe('0 clients');
    expect(countOf(1, 'client')).toBe('1 client');
    expect(countOf(12, 'client')).toBe('12 clients');
  });
});

describe('dates', () => {
  it('writes calendar dates and birthdays without shifting them a day', () => {
    expect(formatDate('2025-01-10')).toMatch(/10/);
    expect(formatBirthday('--04-23')).toMatch(/^(23 April|April 23)$/);
    expect(formatBirthday('1990-04-23')).toMatch(/1990/);
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
