import { useCallback } from 'react';
import { useReloadOnEvents } from './useReloadOnEvents';

const PROGRESS = ['broadcast.progress'] as const;

/** Call `reload` while one broadcast's progress events arrive (at most once every `everyMs`); never for null. */
export function useOnBroadcastProgress(broadcastId: number | null, reload: () => void, everyMs = 1000): void {
  const isThisBroadcast = useCallback((progress: { broadcastId: number }) => progress.broadcastId === broadcastId, [broadcastId]);
  useReloadOnEvents(reload, PROGRESS, everyMs, isThisBroadcast);
}
