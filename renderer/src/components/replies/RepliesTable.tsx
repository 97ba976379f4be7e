import { Anchor, Group, Table, Text } from '@mantine/core';
import type { ReplyDto } from '../../../../shared/sending';
import { formatDateTime, formatPhone } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { TableFrame } from '../ui/TableFrame';
import { ReplyBadge } from './ReplyBadge';

interface RepliesTableProps {
  replies: readonly ReplyDto[];
  /** Show which broadcast each reply answers (off on a broadcast's own page). */
  showBroadcast: boolean;
}

/** Texts clients sent to the salon: who, what, when, and whether it opted them out or back in. */
export function RepliesTable({ replies, showBroadcast }: RepliesTableProps) {
  const { country, timeZone, locale } = useSalonFormat();
  return (
    <TableFrame minWidth={showBroadcast ? 860 : 700}>
      <Table verticalSpacing="sm" data-testid="replies">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th w={200}>From</Table.Th>
            <Table.Th>Message</Table.Th>
            {showBroadcast && <Table.Th w={200}>In reply to</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {replies.map((reply) => (
            <Table.Tr key={reply.id}>
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                <Text size="sm">{formatDateTime(reply.receivedAt, timeZone, locale)}</Text>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                {reply.contactId !== null ? (
                  <Anchor href={hrefFor({ page: 'contact', id: reply.contactId })} fw={500} size="sm">
                    {reply.contactName ?? 'Open client'}
                  </Anchor>
                ) : (
                  <Text size="sm" c="dimmed" fs="italic">
                    Not one of your clients
                  </Text>
                )}
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatPhone(reply.from, country)}
                </Text>
              </Table.Td>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {reply.body}
                  </Text>
                  <ReplyBadge action={reply.action} />
                </Group>
              </Table.Td>
              {showBroadcast && (
                <Table.Td style={{ verticalAlign: 'top' }}>
                  {reply.broadcastId !== null ? (
                    <Anchor href={hrefFor({ page: 'broadcast', id: reply.broadcastId })} size="sm">
                      {reply.broadcastName || 'Untitled broadcast'}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
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
