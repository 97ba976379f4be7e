import { describe, expect, it } from 'vitest';
import { canResend, deliveryFilters, filterOption, statusParam } from './deliveryFilter';

describe('the deliveries filter', () => {
  it('asks for one status, or none for all', () => {
    expect(statusParam('all')).toBeUndefined();
    expect(statusParam('unknown')).toBe('unknown');
    expect(statusParam('skipped')).toBe('skipped');
  });

  it('offers No report and Cancelled only once there are any', () => {
    const values = (cancelled: number, noReport = 0) => deliveryFilters({ cancelled, noReport }).map((option) => option.value);
    expect(values(0)).toEqual(['all', 'delivered', 'undelivered', 'failed', 'unknown', 'skipped']);
    expect(values(3)).toContain('cancelled');
    expect(values(0, 2)).toEqual(['all', 'delivered', 'undelivered', 'failed', 'unknown', 'no_report', 'skipped']);
    expect(filterOption('skipped').none).toBe('No message was skipped.');
  });

  it('offers to send again only an email or notification whose fate is unknown', () => {
    expect(canResend({ status: 'unknown', channel: 'email' })).toBe(true);
    expect(canResend({ status: 'unknown', channel: 'push' })).toBe(true);
    // A text is checked with Twilio instead.
    expect(canResend({ status: 'unknown', channel: 'sms' })).toBe(false);
    expect(canResend({ status: 'failed', channel: 'email' })).toBe(false);
  });
});
