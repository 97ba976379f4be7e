import { Anchor, Table, Text } from '@mantine/core';
import type { BroadcastDto } from '../../../shared/dto';
import { CHANNEL_LABELS, formatDateTime } from '../lib/format';
import { hrefFor } from '../lib/routes';
import { navigate } from '../stores/navigation';
import { useSettings } from '../stores/settings';
import { formatLocal, formatSchedule } from './broadcast/schedule';
import { BroadcastStatusBadge } from './StatusBadge';
import { TableFrame } from './TableFrame';

export function BroadcastTable({ broadcasts }: { broadcasts: readonly BroadcastDto[] }) {
  const { timeZone } = useSettings();
  return (
    <TableFrame minWidth={820}>
        <Table highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th ta="right">Recipients</Table.Th>
              <Table.Th ta="right">Delivered %</Table.Th>
              <Table.Th ta="right">Failed</Table.Th>
              <Table.Th ta="right">Pending</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {broadcasts.map((broadcast) => {
              const route = { page: 'broadcast', id: broadcast.id } as const;
              return (
                <Table.Tr key={broadcast.id} onClick={() => navigate(route)} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Anchor href={hrefFor(route)} fw={500}>
                      {broadcast.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{CHANNEL_LABELS[broadcast.channel]}</Table.Td>
                  <Table.Td>
                    <BroadcastStatusBadge status={broadcast.status} />
                  </Table.Td>
                  <Table.Td>
                    <When broadcast={broadcast} timeZone={timeZone} />
                  </Table.Td>
                  <Table.Td ta="right">{broadcast.stats.recipients}</Table.Td>
                  <Table.Td ta="right">{deliveredShare(broadcast)}</Table.Td>
                  <Table.Td ta="right">{broadcast.stats.failed}</Table.Td>
                  <Table.Td ta="right">{broadcast.stats.pending}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
    </TableFrame>
  );
}

/** The chosen send time while it is ahead (or was chosen), else when it was sent. */
function When({ broadcast, timeZone }: { broadcast: BroadcastDto; timeZone: string }) {
  const { schedule } = broadcast;
  if (schedule) return <>{schedule.zone === timeZone ? formatLocal(schedule.local) : formatSchedule(schedule)}</>;
  if (broadcast.launchedAt) return <>{formatDateTime(broadcast.launchedAt, timeZone)}</>;
  return (
    <Text c="dimmed" span>
      Not sent
    </Text>
  );
}

/** Delivered out of everyone it was for, e.g. "67%"; a dash before anyone was picked. */
function deliveredShare({ stats }: BroadcastDto): string {
  return stats.recipients > 0 ? `${Math.round((stats.delivered / stats.recipients) * 100)}%` : '–';
}
