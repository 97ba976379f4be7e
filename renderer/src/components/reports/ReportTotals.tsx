import { SimpleGrid } from '@mantine/core';
import type { DeliveryCountsDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { deliveryRate, failureRate, formatNumber, formatRate } from '../../lib/rates';
import { StatCard } from '../ui/StatCard';

/** The filter's totals: the same figures the CSV file's rows add up to. */
export function ReportTotals({ counts }: { counts: DeliveryCountsDto }) {
  const { locale } = useSalonFormat();
  const ofTried = (rate: number | null) => (rate === null ? undefined : `${formatRate(rate, locale)} of the ${formatNumber(counts.tried, locale)} tried`);
  const cards = [
    { key: 'recipients', label: 'Messages', value: counts.recipients, hint: 'One per client, day and channel' },
    { key: 'sent', label: 'Sent', value: counts.sent, hint: 'Taken by the provider' },
    { key: 'delivered', label: 'Delivered', value: counts.delivered, hint: ofTried(deliveryRate(counts)), color: 'green' },
    { key: 'failed', label: 'Failed', value: counts.failed, hint: ofTried(failureRate(counts)), color: counts.failed > 0 ? 'red' : undefined },
    { key: 'pending', label: 'Not sent yet', value: counts.pending },
    { key: 'unsure', label: 'Unsure', value: counts.unsure, hint: 'Cut off mid-send' },
    { key: 'skipped', label: 'Skipped or cancelled', value: counts.skipped + counts.cancelled },
    { key: 'optedOut', label: 'Opted out after', value: counts.optedOut, hint: 'Within 72 hours' },
    { key: 'replied', label: 'Replied', value: counts.replied, hint: 'Within 72 hours' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="report-totals">
      {cards.map(({ key, value, ...card }) => (
        <StatCard key={key} {...card} value={formatNumber(value, locale)} testId={`report-${key}`} />
      ))}
    </SimpleGrid>
  );
}
