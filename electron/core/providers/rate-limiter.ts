import Bottleneck from 'bottleneck';

/** Paces calls to one provider account. Shared by every broadcast sending through that account. */
export interface RateLimiter {
  schedule<T>(task: () => Promise<T>): Promise<T>;
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
    schedule: (task) => limiter.schedule(task),
    stop: () => limiter.stop({ dropWaitingJobs: false }),
  };
}
