import type { Channel } from '../../../shared/dto';
import type { Provider } from '../providers/provider';
import { createRateLimiter, type RateLimiter } from '../providers/rate-limiter';

/** One provider account, the channels it carries, and the one limiter they all share. */
export interface Route {
  provider: Provider;
  channels: Channel[];
  limiter: RateLimiter;
}

export function buildRoutes(providers: Record<Channel, Provider>): Route[] {
  const routes = new Map<string, Route>();
  for (const [channel, provider] of Object.entries(providers) as Array<[Channel, Provider]>) {
    const route = routes.get(provider.id) ?? {
      provider,
      channels: [],
      limiter: createRateLimiter(provider.ratePerSecond),
    };
    route.channels.push(channel);
    routes.set(provider.id, route);
  }
  return [...routes.values()];
}
