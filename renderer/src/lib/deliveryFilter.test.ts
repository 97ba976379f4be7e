import { describe, expect, it } from 'vitest';
import { NEWEST_FIRST, NO_CHOICES, STATUS_GROUP_OPTIONS, canResend, deliveryFilter, hasChoices, isStatusGroup, nextOrder } from './deliveryFilter';
import { STATUS_GROUPS } from './reportFilters';

describe('the deliveries filter', () => {
  it('asks for only what was picked', () => {
    expect(deliveryFilter({ broadcastId: 7 }, NO_CHOICES)).toEqual({ broadcastId: 7 });
    expect(deliveryFilter({ broadcastId: 7 }, { day: 2, channel: 'email', group: 'failed', reason: '550', search: '  ana ' })).toEqual({
      broadcastId: 7,
      day: 2,
      channel: 'email',
      statuses: ['failed', 'undelivered'],
      reason: '550',
      search: 'ana',
    });
    expect(deliveryFilter({ automationId: 3 }, { ...NO_CHOICES, channel: 'sms' })).toEqual({ automationId: 3, channel: 'sms' });
    expect(hasChoices(NO_CHOICES)).toBe(false);
    expect(hasChoices({ ...NO_CHOICES, search: '   ' })).toBe(false);
    expect(hasChoices({ ...NO_CHOICES, day: 1 })).toBe(true);
  });

  it('offers the status groups of the Reports page, and knows them from other values', () => {
    expect(STATUS_GROUP_OPTIONS.map((option) => option.value)).toEqual([...STATUS_GROUPS]);
    expect(deliveryFilter({ broadcastId: 7 }, { ...NO_CHOICES, group: 'not_sent_yet' }).statuses).toEqual(['queued', 'sending']);
    expect(isStatusGroup('unsure')).toBe(true);
    expect(isStatusGroup('queued')).toBe(false);
    expect(isStatusGroup(null)).toBe(false);
  });

  it('turns the order round on the same header, and starts another column at its natural end', () => {
    expect(nextOrder(NEWEST_FIRST, 'time')).toEqual({ sort: 'time', direction: 'asc' });
    expect(nextOrder(NEWEST_FIRST, 'name')).toEqual({ sort: 'name', direction: 'asc' });
    expect(nextOrder({ sort: 'name', direction: 'asc' }, 'name')).toEqual({ sort: 'name', direction: 'desc' });
    expect(nextOrder({ sort: 'name', direction: 'asc' }, 'time')).toEqual(NEWEST_FIRST);
  });

  it('offers to send again only an email or notification whose fate is unknown', () => {
    expect(canResend({ status: 'unknown', channel: 'email' })).toBe(true);
    expect(canResend({ status: 'unknown', channel: 'push' })).toBe(true);
    // A text is checked with Twilio instead.
    expect(canResend({ status: 'unknown', channel: 'sms' })).toBe(false);
    expect(canResend({ status: 'failed', channel: 'email' })).toBe(false);
  });
});
