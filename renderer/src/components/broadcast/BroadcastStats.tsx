import { SimpleGrid } from '@mantine/core';
import type { BroadcastStatsDto } from '../../../../shared/dto';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { StatCard } from '../StatCard';
import { formatAmount } from '../../lib/money';

/** The broadcast's numbers: the usual ones always, the rarer ones (cancelled, skipped, unsure) once there are any. */
export function BroadcastStats({ stats }: { stats: BroadcastStatsDto }) {
  const { money } = useSalonFormat();
  const cards = [
    <StatCard key="recipients" label="Recipients" value={stats.recipients} testId="stat-recipients" />,
    <StatCard key="sent" label="Sent" value={stats.sent} testId="stat-sent" />,
    <StatCard key="delivered" label="Delivered" value={stats.delivered} color="green" testId="stat-delivered" />,
    <StatCard key="failed" label="Failed" value={stats.failed} color="red" testId="stat-failed" />,
    <StatCard key="pending" label="Pending" value={stats.pending} testId="stat-pending" />,
  ];
  if (stats.unknown > 0) {
    cards.push(
      <StatCard key="unknown" label="Checking" value={stats.unknown} color="orange" hint="Cut off while sending" testId="stat-unknown" />,
    );
  }
  if (stats.skipped > 0) {
    cards.push(<StatCard key="skipped" label="Skipped" value={stats.skipped} color="gray" hint="Not sent" testId="stat-skipped" />);
  }
  if (stats.cancelled > 0) {
    cards.push(<StatCard key="cancelled" label="Cancelled" value={stats.cancelled} color="gray" testId="stat-cancelled" />);
  }
  cards.push(
    <StatCard
      key="cost"
      label="Cost so far"
      value={formatAmount(stats.cost, money)}
      hint={stats.practiceCost > 0 ? `Sandbox: ${formatAmount(stats.practiceCost, money)} if live, nothing charged` : undefined}
      testId="stat-cost"
    />,
  );
  // One row while they fit, two even rows otherwise.
  const perRow = cards.length <= 6 ? cards.length : Math.ceil(cards.length / 2);
  return <SimpleGrid cols={{ base: 2, sm: 3, md: perRow }}>{cards}</SimpleGrid>;
}
