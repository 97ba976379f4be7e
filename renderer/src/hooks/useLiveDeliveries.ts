import { useThrottledCallback } from '@mantine/hooks';
import { useEffect } from 'react';
import type { DeliveryStatus } from '../../../shared/dto';
import { subscribe } from '../api/client';
import { onReconnected } from '../stores/connection';
import { useCall } from './useCall';

const REFRESH_AT_MOST_EVERY_MS = 1000;

/** One broadcast's deliveries (those in one status, if given), refreshed at most once a second while its progress events arrive. */
export function useLiveDeliveries(broadcastId: number, status?: DeliveryStatus) {
  const deliveries = useCall('broadcasts.deliveries', status ? { id: broadcastId, status } : { id: broadcastId });
  const refresh = useThrottledCallback(deliveries.reload, REFRESH_AT_MOST_EVERY_MS);

  useEffect(() => {
    const stops = [
      subscribe('broadcast.progress', (progress) => {
        if (progress.broadcastId === broadcastId) refresh();
      }),
      onReconnected(refresh),
    ];
    return () => stops.forEach((stop) => stop());
  }, [broadcastId, refresh]);

  return deliveries;
}
