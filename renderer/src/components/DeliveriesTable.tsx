import { Button, Table, Text } from '@mantine/core';
import type { DeliveryDto } from '../../../shared/dto';
import { canResend } from '../lib/deliveryFilter';
import { CHANNEL_LABELS, formatPhone } from '../lib/format';
import { useSettings } from '../stores/settings';
import { TableFrame } from './TableFrame';
import { DeliveryStatusBadge } from './StatusBadge';

/** A mobile number the way people write it; an email address (or anything else) as it is. */
function formatAddress(address: string, country: string): string {
  return address.startsWith('+') ? formatPhone(address, country) : address;
}

/** What happened, in the provider's words; a sentence of our own for a message cut off mid-send. */
function whatHappened(delivery: DeliveryDto): string | null {
  if (delivery.errorMessage) return delivery.errorMessage;
  if (delivery.status !== 'unknown') return null;
  return delivery.channel === 'sms'
    ? 'Cut off while it was being sent. Checking with Twilio whether it went out; it is sent again only if Twilio still does not list it 10 minutes after.'
    : 'The connection dropped while it was being sent, so there is no way to tell whether it arrived. You can resend it.';
}

interface DeliveriesTableProps {
  deliveries: readonly DeliveryDto[];
  /** Show which day of a sequence each message belongs to. */
  showDay: boolean;
  /** Ask before sending again a message whose fate is unknown. */
  onResend(delivery: DeliveryDto): void;
}

/** Each message of a broadcast: who it was for, where it went (a number or an email), and how it went. */
export function DeliveriesTable({ deliveries, showDay, onResend }: DeliveriesTableProps) {
  const { country } = useSettings();
  const anyResend = deliveries.some(canResend);
  return (
    <TableFrame minWidth={showDay ? 820 : 760}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Recipient</Table.Th>
            {showDay && <Table.Th>Day</Table.Th>}
            <Table.Th>By</Table.Th>
            <Table.Th>Sent to</Table.Th>
            <Table.Th w={140}>Status</Table.Th>
            <Table.Th>What happened</Table.Th>
            {anyResend && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((delivery) => (
            <Table.Tr key={delivery.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{delivery.recipientName}</Table.Td>
              {showDay && <Table.Td style={{ whiteSpace: 'nowrap' }}>Day {delivery.day}</Table.Td>}
              <Table.Td>{CHANNEL_LABELS[delivery.channel]}</Table.Td>
              <Table.Td>{formatAddress(delivery.address, country)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DeliveryStatusBadge status={delivery.status} channel={delivery.channel} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {whatHappened(delivery)}
                </Text>
              </Table.Td>
              {anyResend && (
                <Table.Td>
                  {canResend(delivery) && (
                    <Button size="compact-sm" variant="light" onClick={() => onResend(delivery)}>
                      Resend
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
