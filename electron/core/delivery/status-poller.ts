import type { Clock } from '../clock';
import type { Outbox } from './outbox';
import type { Route } from './routes';

/** Up to this many messages per status call, as Twilio's list pages allow. */
const PAGE_SIZE = 1000;
/** Statuses are followed this long after sending; later, what is known stays. */
const FOLLOW_MS = 72 * 60 * 60_000;
/** Where listing is possible, a message this old without news is fetched by its id instead. */
const FETCH_ONE_AFTER_MS = 60 * 60_000;
const FETCH_ONE_MAX = 20;
/**
 * Statuses are asked for once sending has paused this long: every listing then covers whole pages of
 * messages that have had time to settle, instead of a sliver of the newest ones each second.
 */
const QUIET_MS = 3_000;
/** During a long send, statuses are still asked for this often. */
const DURING_SEND_MS = 2 * 60_000;
/**
 * One sweep reads at most this many pages, for at most this long: a provider whose pages never end
 * costs a bounded sweep, and the next sweep goes on from where this one stopped.
 */
const SWEEP_MAX_PAGES = 20;
const SWEEP_MAX_MS = 10_000;

/** Once sending has paused, how long to wait between asks, by the age of the newest message still waiting. */
export function pollIntervalMs(newestAgeMs: number): number {
  if (newestAgeMs < 10 * 60_000) return 5_000;
  if (newestAgeMs < 60 * 60_000) return 30_000;
  if (newestAgeMs < 6 * 60 * 60_000) return 5 * 60_000;
  return 30 * 60_000;
}

/** Whether to ask now: after a quiet moment on the slowing cadence, or during a long send every few minutes. */
export function pollDue(now: number, lastPollAt: number, span: { oldest: number; newest: number }): boolean {
  const newestAgeMs = now - span.newest;
  if (newestAgeMs >= QUIET_MS) return now >= lastPollAt + pollIntervalMs(newestAgeMs);
  return now >= Math.max(lastPollAt, span.oldest) + DURING_SEND_MS;
}

/**
 * Asks each provider how its messages are doing: where it can list, one listing of everything sent
 * since the oldest waiting message (up to 1,000 per call); otherwise by id, 1,000 per call. Soon after
 * sending pauses, then less and less, for 72 hours; a message still without news then ends as
 * "sent, no report".
 */
export class StatusPoller {
  private readonly lastPollAt = new Map<string, number>();
  /** Per provider, the page a sweep cut short would have read next. */
  private readonly resumeFrom = new Map<string, string>();

  constructor(
    private readonly outbox: Outbox,
    private readonly routes: () => Route[],
    private readonly clock: Clock,
    private readonly onChange: (campaignId: number) => void,
  ) {}

  async poll(): Promise<void> {
    for (const route of this.routes()) {
      const now = this.clock.now().getTime();
      const { id } = route.provider;
      const since = new Date(now - FOLLOW_MS).toISOString();
      for (const campaignId of this.outbox.endFollowing(id, new Date(since), new Date(now))) this.onChange(campaignId);
      const span = this.outbox.awaitingSpan(id, since);
      if (!span || !pollDue(now, this.lastPollAt.get(id) ?? 0, { oldest: Date.parse(span.oldest), newest: Date.parse(span.newest) })) continue;
      if (route.provider.statusPages) {
        await this.sweep(route, span.oldest);
        await this.fetchEach(route, since, new Date(now - FETCH_ONE_AFTER_MS).toISOString(), FETCH_ONE_MAX);
      } else {
        await this.fetchEach(route, since, undefined, Number.POSITIVE_INFINITY);
      }
      this.lastPollAt.set(id, now);
    }
  }

  /** List statuses from the newest down to `since`, within the sweep's bounds, from where the last sweep stopped. */
  private async sweep(route: Route, since: string): Promise<void> {
    const { provider } = route;
    if (!provider.statusPages) return;
    const stopAt = Date.now() + SWEEP_MAX_MS;
    let pages = 0;
    for await (const { reports, nextPage } of provider.statusPages(since, this.resumeFrom.get(provider.id))) {
      this.apply(route, reports);
      this.resumeFrom.delete(provider.id);
      if (nextPage && (++pages >= SWEEP_MAX_PAGES || Date.now() >= stopAt)) {
        this.resumeFrom.set(provider.id, nextPage);
        return;
      }
    }
  }

  /** Fetch by id, a page at a time: everything waiting, or (`acceptedBefore`) what listing has not settled. */
  private async fetchEach(route: Route, since: string, acceptedBefore: string | undefined, max: number): Promise<void> {
    let fetched = 0;
    for (let afterId = 0; fetched < max; ) {
      const waiting = this.outbox
        .awaitingStatus(route.provider.id, since, afterId, Math.min(PAGE_SIZE, max - fetched))
        .filter((delivery) => acceptedBefore === undefined || delivery.acceptedAt < acceptedBefore);
      const last = waiting.at(-1);
      if (!last) return;
      afterId = last.id;
      fetched += waiting.length;
      this.apply(route, await route.provider.fetchStatuses(waiting));
    }
  }

  private apply(route: Route, reports: Awaited<ReturnType<Route['provider']['fetchStatuses']>>): void {
    const at = this.clock.now();
    this.outbox.inTransaction(() => {
      for (const report of reports) {
        const campaignId = this.outbox.applyStatus(report, route.provider.id, at);
        if (campaignId !== undefined) this.onChange(campaignId);
      }
    });
  }
}
