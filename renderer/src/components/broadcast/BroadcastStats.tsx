import { SimpleGrid } from '@mantine/core';
import type { DeliveryCountsDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { formatNumber } from '../../lib/rates';
import { StatCard } from '../ui/StatCard';

interface BroadcastStatsProps {
  /** Clients it was launched to. */
  clients: number;
  /** Its messages' counts, the same as the breakdown's total row. */
  total: DeliveryCountsDto;
  /** A sequence or several channels: a client gets more than one message. */
  manyPerClient: boolean;
}

/** The broadcast's numbers: the usual ones always, the rarer ones (unsure, skipped, cancelled) once there are any. Its cost is in the Cost card. */
export function BroadcastStats({ clients, total, manyPerClient }: BroadcastStatsProps) {
  const { locale } = useSalonFormat();
  const count = (value: number) => formatNumber(value, locale);
  const cards = [
    <StatCard
      key="recipients"
      label="Clients"
      value={count(clients)}
      hint={manyPerClient ? `${count(total.recipients)} messages: one per day and channel each` : undefined}
      testId="stat-recipients"
    />,
    <StatCard key="sent" label="Sent" value={count(total.sent)} hint="Taken by your provider" testId="stat-sent" />,
    <StatCard key="delivered" label="Delivered" value={count(total.delivered)} color="green" testId="stat-delivered" />,
    <StatCard key="failed" label="Failed" value={count(total.failed)} color="red" hint="Refused or not delivered" testId="stat-failed" />,
    <StatCard key="pending" label="Pending" value={count(total.pending)} hint="Not sent yet" testId="stat-pending" />,
  ];
  if (total.unsure > 0) {
    cards.push(<StatCard key="unknown" label="Unsure" value={count(total.unsure)} color="orange" hint="Cut off while sending" testId="stat-unknown" />);
  }
  if (total.skipped > 0) {
    cards.push(<StatCard key="skipped" label="Skipped" value={count(total.skipped)} color="gray" hint="Not sent" testId="stat-skipped" />);
  }
  if (total.cancelled > 0) {
    cards.push(<StatCard key="cancelled" label="Cancelled" value={count(total.cancelled)} color="gray" testId="stat-cancelled" />);
  }
  // One row while they fit, two even rows otherwise.
  const perRow = cards.length <= 6 ? cards.length : Math.ceil(cards.length / 2);
  return <SimpleGrid cols={{ base: 2, sm: 3, md: perRow }}>{cards}</SimpleGrid>;
}
