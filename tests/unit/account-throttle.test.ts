import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountThrottle } from '../../electron/core/delivery/account-throttle';

// Issue 12, point 4: a 429 slows the whole account, not one text.

const SLOW_DOWN = { kind: 'retry', code: '20429', message: 'Twilio asked us to slow down.' } as const;
const TAKEN = { kind: 'accepted', providerMessageId: 'SM1' } as const;
const clock = { now: () => new Date() };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Start `count` sends' turns and report which have been let through so far. */
function sends(throttle: AccountThrottle, count: number) {
  const through: number[] = [];
  const turns = Array.from({ length: count }, (_, i) => throttle.turn().then((turn) => (turn === 'go' ? through.push(i) : undefined)));
  return { through, turns };
}

describe('AccountThrottle', () => {
  it('holds every send for the Retry-After, then lets one probe go alone, then all once the probe is taken', async () => {
    const throttle = new AccountThrottle(clock);
    throttle.record({ ...SLOW_DOWN, retryAfterMs: 5_000 });
    expect(throttle.isHolding()).toBe(true);
    const { through } = sends(throttle, 3);

    await vi.advanceTimersByTimeAsync(4_999);
    expect(through).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(through).toEqual([0]); // the probe
    expect(throttle.isHolding()).toBe(true);

    throttle.record(TAKEN);
    await vi.advanceTimersByTimeAsync(0);
    expect(through).toEqual([0, 1, 2]);
    expect(throttle.isHolding()).toBe(false);
  });

  it('a probe told to slow down again holds the account again; sends in flight told at once make one hold, not many', async () => {
    const throttle = new AccountThrottle(clock);
    for (let i = 0; i < 10; i++) throttle.record({ ...SLOW_DOWN, retryAfterMs: 2_000 });
    const { through } = sends(throttle, 2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(through).toEqual([0]);

    throttle.record({ ...SLOW_DOWN, retryAfterMs: 2_000 });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(through).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(through).toEqual([0, 1]);
  });

  it('without a Retry-After, waits back off exponentially with jitter', async () => {
    const throttle = new AccountThrottle(clock, () => 1); // the top of the jitter range
    const waits: number[] = [];
    for (let probe = 0; probe < 8; probe++) {
      throttle.record(SLOW_DOWN);
      const started = Date.now();
      const turn = throttle.turn();
      await vi.runAllTimersAsync();
      await turn;
      waits.push(Date.now() - started);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);

    const jittered = new AccountThrottle(clock, () => 0); // the bottom: half the wait
    jittered.record(SLOW_DOWN);
    const started = Date.now();
    const turn = jittered.turn();
    await vi.runAllTimersAsync();
    await turn;
    expect(Date.now() - started).toBe(500);
  });

  it('sends waiting out a hold are let go unsent when the app stops; without a hold, sends are not held at all', async () => {
    const throttle = new AccountThrottle(clock);
    expect(await throttle.turn()).toBe('go');
    throttle.record({ ...SLOW_DOWN, retryAfterMs: 60_000 });
    const waiting = throttle.turn();
    throttle.stop();
    expect(await waiting).toBe('stopped');
  });
});
