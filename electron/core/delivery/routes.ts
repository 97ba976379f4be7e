import type { Channel } from '../../../shared/dto';
import type { Provider } from '../providers/provider';
import type { RateLimiter } from '../providers/rate-limiter';

/** One provider account, the channels it carries, and the one limiter they all share. */
export interface Route {
  provider: Provider;
  channels: Channel[];
  limiter: RateLimiter;
  /** The rate the limiter allows, per second: how far ahead sends are claimed. */
  perSecond: number;
  /** Messages per rolling 24 hours through this account; null: no cap. */
  dailyCap: number | null;
  /** A real provider (not the sandbox). */
  live: boolean;
}
