import { useThrottledCallback } from '@mantine/hooks';
import { useEffect } from 'react';
import { subscribe } from '../api/client';
import { onReconnected } from '../stores/connection';
import { useCall } from './useCall';

const REFRESH_AT_MOST_EVERY_MS = 1000;

/**
 * Texts clients sent to the salon, newest first (only those answering one broadcast, if given),
 * fetched again when a new one arrives.
 */
export function useLiveReplies(limit: number, broadcastId?: number) {
  const replies = useCall('replies.list', broadcastId ? { broadcastId, limit } : { limit });
  const refresh = useThrottledCallback(replies.reload, REFRESH_AT_MOST_EVERY_MS);

  useEffect(() => {
    const stops = [
      subscribe('reply.received', (reply) => {
        if (broadcastId === undefined || reply.broadcastId === broadcastId) refresh();
      }),
      onReconnected(refresh),
    ];
    return () => stops.forEach((stop) => stop());
  }, [broadcastId, refresh]);

  return replies;
}
