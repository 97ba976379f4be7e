const BASE_MS = 2_000;
const MAX_MS = 5 * 60_000;

/**
 * How long to wait before sending again after the provider turned a message away unprocessed:
 * exponential in the attempts so far, with jitter so retries do not arrive together, and never
 * sooner than the provider's Retry-After.
 */
export function retryDelayMs(attempts: number, retryAfterMs = 0, random: () => number = Math.random): number {
  const exponential = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential * (0.5 + random() / 2);
  return Math.max(retryAfterMs, Math.round(jittered));
}
