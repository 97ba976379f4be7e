import { Stack, Table, Text } from '@mantine/core';
import type { BreakdownCellDto, DeliveryCountsDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { cellLabel, rateOf } from '../../lib/broadcastTracking';
import { formatNumber } from '../../lib/rates';
import { TableFrame } from '../ui/TableFrame';

type Column = 'recipients' | 'sent' | 'delivered' | 'failed' | 'pending' | 'unsure' | 'skipped' | 'cancelled' | 'optedOut';

const COLUMNS: ReadonlyArray<{ key: Column; label: string; hint: string }> = [
  { key: 'recipients', label: 'Recipients', hint: 'Messages planned: one per client, day and channel' },
  { key: 'sent', label: 'Sent', hint: 'Taken by the provider' },
  { key: 'delivered', label: 'Delivered', hint: 'Share of the messages tried' },
  { key: 'failed', label: 'Failed', hint: 'Refused or undeliverable; share of the messages tried' },
  { key: 'pending', label: 'Pending', hint: 'Not sent yet' },
  { key: 'unsure', label: 'Unsure', hint: 'Cut off mid-send, being checked' },
  { key: 'skipped', label: 'Skipped', hint: 'Opted out or skipped after launch' },
  { key: 'cancelled', label: 'Cancelled', hint: 'Cancelled before they went out' },
  { key: 'optedOut', label: 'Opted out', hint: 'Opted out within 72 hours after' },
];

const RATED: ReadonlySet<Column> = new Set(['delivered', 'failed']);

interface BreakdownTableProps {
  cells: readonly BreakdownCellDto[];
  total: DeliveryCountsDto;
  days: number;
}

/** Each day and channel of a broadcast with every count, and the total; delivery and failure rates beside their counts. */
export function BreakdownTable({ cells, total, days }: BreakdownTableProps) {
  // Cancelled is rare: its column only once there is one.
  const columns = COLUMNS.filter(({ key }) => key !== 'cancelled' || total.cancelled > 0);
  return (
    <TableFrame minWidth={900}>
      <Table verticalSpacing="xs" striped data-testid="breakdown">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{days > 1 ? 'Day and channel' : 'Channel'}</Table.Th>
            {columns.map(({ key, label, hint }) => (
              <Table.Th key={key} ta="right" title={hint}>
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((cell) => {
            const id = `d${cell.day}-${cell.channel}`;
            return (
              <Table.Tr key={id} data-testid={`breakdown-${id}`}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {cellLabel(cell, days)}
                </Table.Th>
                {columns.map(({ key }) => (
                  <CountCell key={key} column={key} counts={cell.counts} />
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr data-testid="breakdown-total" fw={700}>
            <Table.Th scope="row">Total</Table.Th>
            {columns.map(({ key }) => (
              <CountCell key={key} column={key} counts={total} />
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableFrame>
  );
}

function CountCell({ column, counts }: { column: Column; counts: DeliveryCountsDto }) {
  const { locale } = useSalonFormat();
  const count = counts[column];
  const rate = RATED.has(column) ? rateOf(count, counts, locale) : null;
  return (
    <Table.Td ta="right" data-testid={column} style={{ whiteSpace: 'nowrap' }}>
      <Stack gap={0}>
        <Text size="sm" fw="inherit" c={count === 0 ? 'dimmed' : undefined}>
          {formatNumber(count, locale)}
        </Text>
        {rate !== null && (
          <Text size="xs" c={column === 'failed' && count > 0 ? 'red' : 'dimmed'} data-testid={`${column}-rate`}>
            {rate}
          </Text>
        )}
      </Stack>
    </Table.Td>
  );
}
