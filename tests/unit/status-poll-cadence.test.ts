import { describe, expect, it } from 'vitest';
import { pollDue, pollIntervalMs } from '../../electron/core/delivery/status-poller';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('when statuses are asked for', () => {
  it('waits for a quiet moment after the last acceptance, then asks soon', () => {
    const newest = 100 * SECOND;
    expect(pollDue(newest + 2 * SECOND, 0, { oldest: 0, newest })).toBe(false);
    expect(pollDue(newest + 3 * SECOND, 0, { oldest: 0, newest })).toBe(true);
  });

  it('asks less and less often as the newest waiting message ages', () => {
    expect(pollIntervalMs(5 * SECOND)).toBe(5 * SECOND);
    expect(pollIntervalMs(20 * MINUTE)).toBe(30 * SECOND);
    expect(pollIntervalMs(2 * 60 * MINUTE)).toBe(5 * MINUTE);
    expect(pollIntervalMs(24 * 60 * MINUTE)).toBe(30 * MINUTE);
    const newest = 0;
    const lastPollAt = 20 * MINUTE;
    expect(pollDue(lastPollAt + 29 * SECOND, lastPollAt, { oldest: 0, newest })).toBe(false);
    expect(pollDue(lastPollAt + 30 * SECOND, lastPollAt, { oldest: 0, newest })).toBe(true);
  });

  it('during a long send, still asks every two minutes, counted from the oldest waiting message', () => {
    const oldest = 10 * MINUTE;
    const during = (now: number, lastPollAt: number) => pollDue(now, lastPollAt, { oldest, newest: now - SECOND });
    expect(during(oldest + 119 * SECOND, 0)).toBe(false);
    expect(during(oldest + 120 * SECOND, 0)).toBe(true);
    expect(during(oldest + 200 * SECOND, oldest + 120 * SECOND)).toBe(false);
    expect(during(oldest + 240 * SECOND, oldest + 120 * SECOND)).toBe(true);
  });
});
