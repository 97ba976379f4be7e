import { Paper, Text } from '@mantine/core';
import type { DashboardDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { formatAmount } from '../../lib/money';

/**
 * This month's spend. The budget cap limits each broadcast, not the month, so it is named beside
 * the figure rather than drawn as a bar the month's total fills.
 */
export function MoneyCard({ spend }: { spend: DashboardDto['spend'] }) {
  const { locale } = useSalonFormat();
  const money = { currency: spend.currency, locale };
  return (
    <Paper withBorder radius="md" p="md" data-testid="dashboard-money">
      <Text size="sm" c="dimmed">
        {spend.practice ? 'Practice sends this month' : 'Spent this month'}
      </Text>
      <Text fz={28} fw={700}>
        {spend.practice ? 'Nothing charged' : formatAmount(spend.month, money)}
      </Text>
      <Text size="xs" c="dimmed">
        {spend.practice
          ? `Practice mode: the sandbox sends to no client and charges nothing${spend.month > 0 ? `; this month's would have cost about ${formatAmount(spend.month, money)}` : ''}.`
          : 'What your providers charged, with estimates for prices not reported yet.'}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {spend.budgetCap === null ? 'No budget cap: set one in Settings → Costs & limits.' : `Budget cap: ${formatAmount(spend.budgetCap, money)} per broadcast.`}
      </Text>
    </Paper>
  );
}
