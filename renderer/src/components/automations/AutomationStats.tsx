import { Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { TYPE_CHANNELS } from '../../../../shared/broadcasts';
import type { AutomationDto, AutomationStatsDto } from '../../../../shared/automations';
import type { DeliveryCountsDto } from '../../../../shared/tracking';
import { useCall } from '../../hooks/useCall';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { monthLabel } from '../../lib/automations';
import { rateOf } from '../../lib/broadcastTracking';
import { formatAmount } from '../../lib/money';
import { formatNumber } from '../../lib/rates';
import { DeliveriesList } from '../tracking/DeliveriesSection';
import { RetryAlert } from '../tracking/RetryAlert';
import { StatCard } from '../ui/StatCard';
import { TableFrame } from '../ui/TableFrame';

/** How it did: its totals and each month's, with rates beside counts as on a broadcast's page, then its messages one by one. */
export function AutomationStats({ automation }: { automation: AutomationDto }) {
  const stats = useCall('automations.stats', { id: automation.id });
  return (
    <Stack gap="lg">
      {stats.error && <RetryAlert title="How it did could not be loaded" error={stats.error} onRetry={stats.reload} />}
      {!stats.data && !stats.error && <Loader size="sm" aria-label="Loading how it did" />}
      {stats.data && <Figures stats={stats.data} />}
      <Stack gap="sm">
        <Title order={3}>Its messages</Title>
        <DeliveriesList
          scope={{ automationId: automation.id }}
          days={1}
          channels={TYPE_CHANNELS[automation.type]}
          reasons={[]}
          empty={{ title: 'No messages yet', description: 'Once it is on, every message it sends is listed here with how it went.' }}
        />
      </Stack>
    </Stack>
  );
}

function Figures({ stats }: { stats: AutomationStatsDto }) {
  const { locale } = useSalonFormat();
  const money = { currency: stats.currency, locale };
  const { totals } = stats;
  const count = (value: number) => formatNumber(value, locale);
  const rated = (value: number) => rateOf(value, totals, locale) ?? undefined;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <StatCard label="Sent" value={count(totals.sent)} hint="Taken by your provider" testId="auto-stat-sent" />
        <StatCard label="Delivered" value={count(totals.delivered)} hint={rated(totals.delivered)} color="green" testId="auto-stat-delivered" />
        <StatCard label="Failed" value={count(totals.failed)} hint={rated(totals.failed)} color="red" testId="auto-stat-failed" />
        <StatCard label="Opted out" value={count(totals.optedOut)} hint="Within 72 hours after" testId="auto-stat-opted-out" />
        <StatCard label="Replies" value={count(totals.replied)} hint="Texts answered within 72 hours" testId="auto-stat-replies" />
        <StatCard label="Cost" value={formatAmount(stats.cost, money)} testId="auto-stat-cost" />
      </SimpleGrid>
      {stats.skipped > 0 && (
        <Text size="sm" c="dimmed">
          {count(stats.skipped)} {stats.skipped === 1 ? 'time' : 'times'} a client was skipped: see the History tab for who and why.
        </Text>
      )}
      <Stack gap="xs">
        <Title order={4}>By month</Title>
        {stats.months.length === 0 ? (
          <Text c="dimmed">Nothing sent yet.</Text>
        ) : (
          <TableFrame minWidth={720}>
            <Table verticalSpacing="xs" striped data-testid="automation-months">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Month</Table.Th>
                  <Table.Th ta="right">Sent</Table.Th>
                  <Table.Th ta="right">Delivered</Table.Th>
                  <Table.Th ta="right">Failed</Table.Th>
                  <Table.Th ta="right">Opted out</Table.Th>
                  <Table.Th ta="right">Replies</Table.Th>
                  <Table.Th ta="right">Cost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stats.months.map(({ month, counts, cost }) => (
                  <Table.Tr key={month}>
                    <Table.Th scope="row" fw={500}>
                      {monthLabel(month, locale)}
                    </Table.Th>
                    <Count value={counts.sent} counts={counts} />
                    <Count value={counts.delivered} counts={counts} rated />
                    <Count value={counts.failed} counts={counts} rated />
                    <Count value={counts.optedOut} counts={counts} />
                    <Count value={counts.replied} counts={counts} />
                    <Table.Td ta="right">{formatAmount(cost, money)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
        )}
        <Text size="xs" c="dimmed">
          Delivery and failure rates are shares of the messages tried.
        </Text>
      </Stack>
    </Stack>
  );
}

function Count({ value, counts, rated = false }: { value: number; counts: DeliveryCountsDto; rated?: boolean }) {
  const { locale } = useSalonFormat();
  const rate = rated ? rateOf(value, counts, locale) : null;
  return (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
      <Text size="sm" c={value === 0 ? 'dimmed' : undefined}>
        {formatNumber(value, locale)}
      </Text>
      {rate !== null && (
        <Text size="xs" c="dimmed">
          {rate}
        </Text>
      )}
    </Table.Td>
  );
}
