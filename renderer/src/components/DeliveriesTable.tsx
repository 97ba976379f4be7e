import { Table, Text } from '@mantine/core';
import type { DeliveryDto } from '../../../shared/dto';
import { formatPhone } from '../lib/format';
import { useSettings } from '../stores/settings';
import { TableFrame } from './TableFrame';
import { DeliveryStatusBadge } from './StatusBadge';

/** A mobile number the way people write it; an email address (or anything else) as it is. */
function formatAddress(address: string, country: string): string {
  return address.startsWith('+') ? formatPhone(address, country) : address;
}

/** Each message of a broadcast: who it was for, where it went (a number or an email), and how it went. */
export function DeliveriesTable({ deliveries }: { deliveries: readonly DeliveryDto[] }) {
  const { country } = useSettings();
  return (
    <TableFrame minWidth={640}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Recipient</Table.Th>
              <Table.Th>Sent to</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>{delivery.recipientName}</Table.Td>
                <Table.Td>{formatAddress(delivery.address, country)}</Table.Td>
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
