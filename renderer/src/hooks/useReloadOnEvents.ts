import { useThrottledCallback } from '@mantine/hooks';
import { useEffect } from 'react';
import type { EventName, Events } from '../../../shared/contract';
import { subscribe } from '../api/client';
import { onReconnected } from '../stores/connection';

/**
 * Call `reload` when any of `events` arrives (a send in progress pushes many: at most once every
 * `everyMs`), and when live updates come back, since events pushed meanwhile were lost. `accepts`
 * keeps only the events that concern the caller. `events` and `accepts` should be stable (constants
 * or memoised), not new each render.
 */
export function useReloadOnEvents<E extends EventName>(
  reload: () => void,
  events: readonly E[],
  everyMs = 2000,
  accepts?: (payload: Events[E]) => boolean,
): void {
  const refresh = useThrottledCallback(reload, everyMs);
  useEffect(() => {
    const onEvent = (payload: Events[E]): void => {
      if (!accepts || accepts(payload)) refresh();
    };
    const stops = [...events.map((event) => subscribe(event, onEvent)), onReconnected(refresh)];
    return () => stops.forEach((stop) => stop());
  }, [events, accepts, refresh]);
}
