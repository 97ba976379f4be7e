import Bottleneck from 'bottleneck';

/** Paces calls to one provider account. Shared by every broadcast sending through that account. */
export interface RateLimiter {
  /** How many sends to hand over per job: a tenth of a second's worth, 1 to 100. */
  readonly groupSize: number;
  /** Run `task`, which makes `calls` provider calls, once the account's limits leave room for them. */
  schedule<T>(calls: number, task: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** An account's rate: messages per second (texts) or per minute (a mailbox). Daily caps are kept by the outbox. */
export type RateLimits = { perSecond: number; perMinute?: undefined } | { perMinute: number; perSecond?: undefined };

/**
 * Sends are handed to the limiter in groups, because the limiter costs about a millisecond per job:
 * one job per message would cap sending far below what a fast provider accepts.
 */
const MAX_GROUP = 100;
/**
 * Sends waiting on the provider at once: enough to keep the rate with a slow provider (two seconds'
 * worth), never thousands of open requests when the rate is high and the provider fast.
 */
const MAX_IN_FLIGHT = 200;
const MIN_IN_FLIGHT = 10;

export function createRateLimiter(limits: RateLimits): RateLimiter {
  const [amount, intervalMs] = limits.perSecond !== undefined ? [limits.perSecond, 1000] : [limits.perMinute, 60_000];
  // A reservoir smaller than one call (e.g. 0.5 texts per second) becomes one call per 1/rate interval.
  const whole = Math.max(1, Math.floor(amount));
  const refreshMs = Math.round((intervalMs * whole) / amount);
  const groupSize = Math.max(1, Math.min(MAX_GROUP, Math.floor((whole * 100) / refreshMs)));
  const perSecond = (amount * 1000) / intervalMs;
  const limiter = new Bottleneck({
    maxConcurrent: Math.max(groupSize, Math.min(MAX_IN_FLIGHT, Math.max(MIN_IN_FLIGHT, Math.ceil(perSecond * 2)))),
    reservoir: whole,
    reservoirRefreshAmount: whole,
    reservoirRefreshInterval: refreshMs,
    // Spread the groups over the interval instead of bursting them at its start.
    minTime: Math.floor((refreshMs * groupSize) / whole),
  });
  return {
    groupSize,
    schedule: (calls, task) => limiter.schedule({ weight: calls }, task),
    stop: () => limiter.stop({ dropWaitingJobs: false }),
  };
}
