import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { DeliveryTimelineDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { fillTimeline, timelineLabel, zoneName } from '../../lib/broadcastTracking';
import { formatNumber } from '../../lib/rates';

const SERIES = [
  { name: 'sent', label: 'Sent', color: 'cyan.6' },
  { name: 'delivered', label: 'Delivered', color: 'green.6' },
  { name: 'failed', label: 'Failed', color: 'red.6' },
];

/** Sent, delivered and failed per minute (or hour, for a longer send), on the salon's clock. */
export function DeliveryChart({ timeline }: { timeline: DeliveryTimelineDto }) {
  const { timeZone, locale } = useSalonFormat();
  const points = fillTimeline(timeline);
  const first = points[0];
  if (!first) {
    return <Text c="dimmed">Nothing has been sent yet: the chart fills in as messages go out.</Text>;
  }
  const data = points.map((point) => ({ ...point, time: timelineLabel(point.at, timeline.bucket, timeZone, locale) }));
  return (
    <BarChart
      h={240}
      data={data}
      dataKey="time"
      series={SERIES}
      withLegend
      legendProps={{ verticalAlign: 'top' }}
      valueFormatter={(value) => formatNumber(value, locale)}
      xAxisLabel={`${timeline.bucket === 'minute' ? 'Minute' : 'Hour'} sent (${zoneName(first.at, timeZone, locale)})`}
      yAxisLabel="Messages"
      tickLine="y"
      data-testid="delivery-chart"
    />
  );
}
