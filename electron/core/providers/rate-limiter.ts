import Bottleneck from 'bottleneck';

/** Paces calls to one provider account. Shared by every broadcast sending through that account. */
export interface RateLimiter {
  /** Run `task`, which makes `calls` provider calls, once the account's limits leave room for them. */
  schedule<T>(calls: number, task: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

export function createRateLimiter(perSecond: number): RateLimiter {
  const limiter = new Bottleneck({
    reservoir: perSecond,
    reservoirRefreshAmount: perSecond,
    reservoirRefreshInterval: 1000,
    maxConcurrent: Math.max(1, perSecond),
  });
  return {
    schedule: (calls, task) => limiter.schedule({ weight: calls }, task),
    stop: () => limiter.stop({ dropWaitingJobs: false }),
  };
}
