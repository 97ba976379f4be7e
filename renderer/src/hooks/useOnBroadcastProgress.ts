import { useThrottledCallback } from '@mantine/hooks';
import { useEffect } from 'react';
import { subscribe } from '../api/client';
import { onReconnected } from '../stores/connection';

/**
 * Call `reload` while one broadcast's progress events arrive (at most once every `everyMs`), and when
 * live updates come back, since events pushed meanwhile were lost.
 */
export function useOnBroadcastProgress(broadcastId: number, reload: () => void, everyMs = 1000): void {
  const refresh = useThrottledCallback(reload, everyMs);
  useEffect(() => {
    const stops = [
      subscribe('broadcast.progress', (progress) => {
        if (progress.broadcastId === broadcastId) refresh();
      }),
      onReconnected(refresh),
    ];
    return () => stops.forEach((stop) => stop());
  }, [broadcastId, refresh]);
}
