import { useThrottledCallback } from '@mantine/hooks';
import { useEffect } from 'react';
import type { EventName } from '../../../shared/contract';
import { subscribe } from '../api/client';
import { onReconnected } from '../stores/connection';

/**
 * Call `reload` when any of `events` arrives (a send in progress pushes many: at most once every
 * `everyMs`), and when live updates come back, since events pushed meanwhile were lost.
 * `events` should be a constant, not a new array each render.
 */
export function useReloadOnEvents(reload: () => void, events: readonly EventName[], everyMs = 2000): void {
  const refresh = useThrottledCallback(reload, everyMs);
  useEffect(() => {
    const stops = [...events.map((event) => subscribe(event, refresh)), onReconnected(refresh)];
    return () => stops.forEach((stop) => stop());
  }, [events, refresh]);
}
