import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { CHANNELS } from '../../../../shared/dto';
import type { DashboardDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { CHANNEL_PLURALS } from '../../lib/format';
import { formatNumber } from '../../lib/rates';
import { shortDay } from '../../lib/salonDays';
import { SectionCard } from '../ui/SectionCard';

const COLORS = { sms: 'grape.6', email: 'blue.6', push: 'teal.6' } as const;

/** Messages sent per salon day over the last 30 days, stacked by channel. */
export function MessagesPerDayChart({ perDay }: { perDay: DashboardDto['perDay'] }) {
  const { locale } = useSalonFormat();
  // Only the channels used in these 30 days get a colour and a legend entry.
  const used = CHANNELS.filter((channel) => perDay.some((day) => day[channel] > 0));
  const data = perDay.map((day) => ({ ...day, label: shortDay(day.date, locale) }));
  return (
    <SectionCard title="Messages sent per day, last 30 days">
      {used.length === 0 ? (
        <Text size="sm" c="dimmed">
          No messages sent in the last 30 days.
        </Text>
      ) : (
        <BarChart
          h={240}
          data={data}
          dataKey="label"
          type="stacked"
          series={used.map((channel) => ({ name: channel, label: CHANNEL_PLURALS[channel], color: COLORS[channel] }))}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36 }}
          valueFormatter={(value) => formatNumber(value, locale)}
          tickLine="y"
          yAxisProps={{ allowDecimals: false }}
          data-testid="messages-per-day"
        />
      )}
    </SectionCard>
  );
}
