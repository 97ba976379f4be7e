import { Table, Text } from '@mantine/core';
import type { Channel, DeliveryDto } from '../../../shared/dto';
import { formatPhone } from '../lib/format';
import { useSettings } from '../stores/settings';
import { TableFrame } from './TableFrame';
import { DeliveryStatusBadge } from './StatusBadge';

interface DeliveriesTableProps {
  channel: Channel;
  deliveries: readonly DeliveryDto[];
}

export function DeliveriesTable({ channel, deliveries }: DeliveriesTableProps) {
  const { country } = useSettings();
  return (
    <TableFrame minWidth={640}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Recipient</Table.Th>
              <Table.Th>{channel === 'sms' ? 'Mobile number' : 'Email address'}</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{delivery.recipientName}</Table.Td>
                <Table.Td>{channel === 'sms' ? formatPhone(delivery.address, country) : delivery.address}</Table.Td>
                <Table.Td>
                  <DeliveryStatusBadge status={delivery.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {delivery.errorMessage}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
    </TableFrame>
  );
}
