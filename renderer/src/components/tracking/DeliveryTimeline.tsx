import { Loader } from '@mantine/core';
import { useLiveBroadcastCall } from '../../hooks/useLiveBroadcastCall';
import { DeliveryChart } from './DeliveryChart';
import { RetryAlert } from './RetryAlert';

/** The delivery-over-time chart of one broadcast, kept up to date while it sends. */
export function DeliveryTimeline({ broadcastId }: { broadcastId: number }) {
  const timeline = useLiveBroadcastCall(broadcastId, 'tracking.timeline', { id: broadcastId });
  if (timeline.error) return <RetryAlert title="The chart could not be loaded" error={timeline.error} onRetry={timeline.reload} />;
  if (!timeline.data) return <Loader size="sm" aria-label="Loading the chart" />;
  return <DeliveryChart timeline={timeline.data} />;
}
