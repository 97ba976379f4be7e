import { create } from 'zustand';
import type { Events } from '../../../shared/contract';
import type { BroadcastDto } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';

interface BroadcastsState {
  /** Newest first. */
  broadcasts: BroadcastDto[];
  loaded: boolean;
  error: ApiError | null;
  load(): Promise<void>;
  /** Fetch one broadcast afresh (its page was opened). */
  refresh(id: number): Promise<void>;
  /** Add or replace one broadcast, e.g. after creating or fetching it. */
  upsert(broadcast: BroadcastDto): void;
  /** Forget one broadcast, e.g. a deleted draft. */
  remove(id: number): void;
  /**
   * Live numbers from the core, applied in place without a reload. A new status or a newly missed step
   * is fetched afresh once, for what the event does not carry (which step, its time).
   */
  applyProgress(progress: Events['broadcast.progress']): void;
}

const newestFirst = (a: BroadcastDto, b: BroadcastDto): number => b.id - a.id;
const finished = ({ stats }: BroadcastDto): number => stats.delivered + stats.failed + stats.skipped;

/**
 * Answers to calls and pushed events travel separately, so an answer can be older than an event
 * already applied. Deliveries only ever move forward, so the copy with more finished wins the numbers.
 */
function furthest(incoming: BroadcastDto, known: BroadcastDto | undefined): BroadcastDto {
  return known && finished(known) > finished(incoming)
    ? { ...incoming, status: known.status, stats: known.stats }
    : incoming;
}
const missedStepsOf = ({ steps }: BroadcastDto): number => steps.filter((step) => step.missedAt !== null).length;
/** Broadcasts being fetched because a progress event named one we did not know. */
const fetching = new Set<number>();

export const useBroadcasts = create<BroadcastsState>((set, get) => ({
  broadcasts: [],
  loaded: false,
  error: null,
  async load() {
    try {
      const answer = await call('broadcasts.list', {});
      const known = new Map(get().broadcasts.map((broadcast) => [broadcast.id, broadcast]));
      const broadcasts = answer.map((fresh) => furthest(fresh, known.get(fresh.id)));
      set({ broadcasts: broadcasts.toSorted(newestFirst), loaded: true, error: null });
    } catch (error) {
      set({ error: toApiError(error) });
    }
  },
  async refresh(id) {
    get().upsert(await call('broadcasts.get', { id }));
  },
  upsert(broadcast) {
    const known = get().broadcasts.find(({ id }) => id === broadcast.id);
    const others = get().broadcasts.filter(({ id }) => id !== broadcast.id);
    set({ broadcasts: [furthest(broadcast, known), ...others].toSorted(newestFirst) });
  },
  remove(id) {
    set({ broadcasts: get().broadcasts.filter((broadcast) => broadcast.id !== id) });
  },
  applyProgress({ broadcastId, status, pausedReason, missedSteps, stats }) {
    const known = get().broadcasts.find((broadcast) => broadcast.id === broadcastId);
    if (!known || known.status !== status || missedStepsOf(known) !== missedSteps) {
      // Launched from another window, paused, resumed, finished, or a step held as missed: fetch it once.
      if (fetching.has(broadcastId)) return;
      fetching.add(broadcastId);
      void call('broadcasts.get', { id: broadcastId })
        .then(get().upsert, () => undefined)
        .finally(() => fetching.delete(broadcastId));
      if (!known) return;
    }
    set({
      broadcasts: get().broadcasts.map((broadcast) =>
        broadcast.id === broadcastId
          ? { ...broadcast, status, stats, pausedReason }
          : broadcast,
      ),
    });
  },
}));

export function useBroadcast(id: number): BroadcastDto | undefined {
  return useBroadcasts((state) => state.broadcasts.find((broadcast) => broadcast.id === id));
}
