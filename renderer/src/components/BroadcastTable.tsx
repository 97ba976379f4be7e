import { Anchor, Table, Text } from '@mantine/core';
import type { BroadcastDto } from '../../../shared/dto';
import { CHANNEL_LABELS, formatDateTime } from '../lib/format';
import { hrefFor } from '../lib/routes';
import { navigate } from '../stores/navigation';
import { useSettings } from '../stores/settings';
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
              <Table.Th>Sent</Table.Th>
              <Table.Th ta="right">Recipients</Table.Th>
              <Table.Th ta="right">Delivered</Table.Th>
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
                    {broadcast.launchedAt ? (
                      formatDateTime(broadcast.launchedAt, timeZone)
                    ) : (
                      <Text c="dimmed" span>
                        Not sent
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{broadcast.stats.recipients}</Table.Td>
                  <Table.Td ta="right">{broadcast.stats.delivered}</Table.Td>
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
