import { describe, expect, it } from 'vitest';
import type { BroadcastStatsDto } from '../../../../shared/dto';
import { missedStepWords, missedSteps, pausedNotice } from './notices';

const stats: BroadcastStatsDto = {
  recipients: 100,
  sent: 60,
  delivered: 50,
  failed: 2,
  pending: 40, tried: 0,
  cancelled: 0,
  skipped: 0,
  unknown: 0,
  cost: 24.9,
  noReport: 0,
  practiceCost: 0,
};
const money = { currency: 'USD', locale: 'en-US', budgetCap: 25 };

describe('why a broadcast paused', () => {
  it('says the budget cap stopped it, with the amounts and the way out', () => {
    const notice = pausedNotice({ status: 'paused', pausedReason: 'budget', type: 'sms', stats }, money);
    expect(notice?.title).toBe('Sending stopped at your budget cap');
    expect(notice?.body).toContain('$24.90 so far');
    expect(notice?.body).toContain('of $25.00');
    expect(notice?.body).toContain('raise the cap in Settings → Costs & limits, then press Resume');
  });

  it('says a sandbox broadcast only would have cost that much', () => {
    const practice = { ...stats, cost: 0, practiceCost: 24.9 };
    const notice = pausedNotice({ status: 'paused', pausedReason: 'budget', type: 'sms', stats: practice }, money);
    expect(notice?.body).toContain('would have cost $24.90 (sandbox) so far');
  });

  it('names the provider that stopped answering, and that it retries by itself', () => {
    const notice = pausedNotice({ status: 'paused', pausedReason: 'provider', type: 'email', stats }, money);
    expect(notice?.body).toMatch(/^Your email mailbox stopped answering/);
    expect(notice?.body).toContain('try again automatically');
  });

  it('says nothing more when the owner paused it, or it is not paused', () => {
    expect(pausedNotice({ status: 'paused', pausedReason: 'owner', type: 'sms', stats }, money)).toBeNull();
    expect(pausedNotice({ status: 'sending', pausedReason: null, type: 'sms', stats }, money)).toBeNull();
  });
});

describe('a step missed while the app was closed', () => {
  const step = {
    day: 2,
    schedule: { utc: '2025-06-03T14:00:00.000Z', local: '2025-06-03T10:00', zone: 'America/New_York', note: null },
    missedAt: '2025-06-03T20:00:00.000Z',
  };

  it('says when it was due and names the day in a sequence', () => {
    const words = missedStepWords(step, 3, { timeZone: 'America/New_York', locale: 'en-US' }, 2);
    expect(words.title).toBe('Day 2 has not been sent');
    expect(words.body).toMatch(/^Day 2 was due at .+ while the app was closed or asleep\. It is now more than 2 hours late/);
    expect(words.skipLabel).toBe('Skip Day 2');
  });

  it('says "this broadcast" for a single message', () => {
    const words = missedStepWords({ ...step, day: 1 }, 1, { timeZone: 'America/New_York', locale: 'en-US' }, 1);
    expect(words.body).toMatch(/^This broadcast was due at .+more than an hour late/);
    expect(words.skipLabel).toBe('Skip it');
  });

  it('lists missed steps only while the broadcast can still send them', () => {
    const steps = [
      { day: 1, missedAt: null },
      { day: 2, missedAt: '2025-06-03T20:00:00.000Z' },
    ] as Parameters<typeof missedSteps>[0]['steps'];
    expect(missedSteps({ status: 'scheduled', steps }).map(({ day }) => day)).toEqual([2]);
    expect(missedSteps({ status: 'cancelled', steps })).toEqual([]);
  });
});
