import { describe, expect, it } from 'vitest';
import { AccountThrottle } from '../../electron/core/delivery/account-throttle';

// Issue 12, point 4: a 429 slows the whole account, not one text.

const SLOW_DOWN = { kind: 'retry', code: '20429', message: 'Twilio asked us to slow down.' } as const;
const TAKEN = { kind: 'accepted', providerMessageId: 'SM1' } as const;
const T0 = 1_000_000;

describe('AccountThrottle', () => {
  it('holds the account for the Retry-After, then lets one probe go alone, then everything once the probe is taken', () => {
    const throttle = new AccountThrottle();
    expect(throttle.admit(T0)).toBe(true);
    throttle.record({ ...SLOW_DOWN, retryAfterMs: 5_000 }, T0);

    expect(throttle.isHolding(T0 + 4_999)).toBe(true);
    expect(throttle.admit(T0 + 4_999)).toBe(false); // claimed before the 429: back to the queue, unsent
    expect(throttle.probeDue(T0 + 4_999)).toBe(false);
    expect(throttle.probeDue(T0 + 5_000)).toBe(true);
    expect(throttle.admit(T0 + 5_000)).toBe(true); // the probe
    expect(throttle.isHolding(T0 + 5_001)).toBe(true);
    expect(throttle.admit(T0 + 5_001)).toBe(false); // nothing beside the probe

    throttle.record(TAKEN, T0 + 5_100);
    expect(throttle.isHolding(T0 + 5_100)).toBe(false);
    expect(throttle.admit(T0 + 5_100)).toBe(true);
    expect(throttle.admit(T0 + 5_100)).toBe(true);
  });

  it('sends in flight told to slow down at once make one hold, which only a longer Retry-After extends', () => {
    const jitterFree = new AccountThrottle(() => 1);
    for (let i = 0; i < 10; i++) jitterFree.record(SLOW_DOWN, T0 + i); // no Retry-After: one backoff, not ten
    expect(jitterFree.probeDue(T0 + 1_000)).toBe(true);
    jitterFree.record({ ...SLOW_DOWN, retryAfterMs: 3_000 }, T0 + 100);
    expect(jitterFree.probeDue(T0 + 1_000)).toBe(false);
    expect(jitterFree.probeDue(T0 + 3_100)).toBe(true);
  });

  it('a probe told to slow down again holds the account again', () => {
    const throttle = new AccountThrottle();
    throttle.record({ ...SLOW_DOWN, retryAfterMs: 2_000 }, T0);
    expect(throttle.admit(T0 + 2_000)).toBe(true);
    throttle.record({ ...SLOW_DOWN, retryAfterMs: 2_000 }, T0 + 2_050);
    expect(throttle.admit(T0 + 4_049)).toBe(false);
    expect(throttle.admit(T0 + 4_050)).toBe(true);
  });

  it('without a Retry-After, waits back off exponentially with jitter, and start again once a probe is taken', () => {
    const waitsOf = (random: () => number, probes: number) => {
      const throttle = new AccountThrottle(random);
      const waits: number[] = [];
      let now = T0;
      for (let probe = 0; probe < probes; probe++) {
        throttle.record(SLOW_DOWN, now);
        const started = now;
        while (!throttle.admit(now)) now += 100;
        waits.push(now - started);
      }
      throttle.record(TAKEN, now);
      throttle.record(SLOW_DOWN, now);
      const afterSuccess = now;
      while (!throttle.admit(now)) now += 100;
      return { waits, afterSuccess: now - afterSuccess };
    };
    expect(waitsOf(() => 1, 8)).toEqual({ waits: [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000], afterSuccess: 1_000 });
    expect(waitsOf(() => 0, 2).waits).toEqual([500, 1_000]); // the bottom of the jitter: half the wait
  });
});
