import { Anchor, Button, Group, Loader, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import type { AutomationDecisionDto, AutomationKind } from '../../../../shared/automations';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useCall } from '../../hooks/useCall';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { occasionWords } from '../../lib/automations';
import { formatDateTime } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { salonDate } from '../../lib/salonDays';
import { RetryAlert } from '../tracking/RetryAlert';
import { EmptyState } from '../ui/EmptyState';
import { TableFrame } from '../ui/TableFrame';
import { DecisionOutcome } from './DecisionOutcome';

const PAGE = 50;

interface Older {
  items: AutomationDecisionDto[];
  next: string | null;
}

/** Who got it and who was skipped and why, newest first, a page at a time; a name opens the client. */
export function AutomationHistory({ id, kind }: { id: number; kind: AutomationKind }) {
  const { locale, timeZone } = useSalonFormat();
  const first = useCall('automations.history', { id, limit: PAGE });
  // The pages after the first, as "Show older" fetched them.
  const [older, setOlder] = useState<Older | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  if (first.error) return <RetryAlert title="The history could not be loaded" error={first.error} onRetry={first.reload} />;
  if (!first.data) return <Loader size="sm" aria-label="Loading the history" />;
  const items = [...first.data.items, ...(older?.items ?? [])];
  const next = older ? older.next : first.data.next;
  if (items.length === 0) {
    return <EmptyState title="Nothing yet" description="Once it is on, each client it sends to, or skips, is listed here with the reason." />;
  }

  const showOlder = async (after: string): Promise<void> => {
    setLoadingMore(true);
    setError(null);
    try {
      const page = await call('automations.history', { id, limit: PAGE, after });
      setOlder((current) => ({ items: [...(current?.items ?? []), ...page.items], next: page.next }));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setLoadingMore(false);
    }
  };

  const year = salonDate(timeZone).slice(0, 4);
  return (
    <Stack gap="sm">
      <TableFrame minWidth={720}>
        <Table verticalSpacing="xs" striped data-testid="automation-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Client</Table.Th>
              <Table.Th>For</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((decision) => (
              <Table.Tr key={`${decision.contactId}-${decision.occasion}-${decision.decidedAt}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(decision.decidedAt, timeZone, locale)}</Table.Td>
                <Table.Td>
                  <Anchor size="sm" href={hrefFor({ page: 'contact', id: decision.contactId })}>{decision.contactName}</Anchor>
                </Table.Td>
                <Table.Td>{occasionWords(decision.occasion, locale, year, kind)}</Table.Td>
                <Table.Td>
                  <DecisionOutcome decision={decision} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
      {error && next && <RetryAlert title="Older ones could not be loaded" error={error} onRetry={() => void showOlder(next)} />}
      {next !== null && (
        <Group>
          <Button variant="default" loading={loadingMore} onClick={() => void showOlder(next)}>
            Show older
          </Button>
        </Group>
      )}
    </Stack>
  );
}
