import { Anchor, Button, Loader, Paper, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { DeliverySort, DeliveryRowDto } from '../../../../shared/tracking';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { canResend, type DeliveryOrder } from '../../lib/deliveryFilter';
import { CHANNEL_LABELS, formatDateTime, formatPhone } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { navigate } from '../../stores/navigation';
import { SortableTh } from '../ui/SortableTh';
import { DeliveryStatusBadge } from '../ui/StatusBadge';

const ROW_HEIGHT = 49;
const VIEW_HEIGHT = 560;
/** Ask for the next page this many rows before the end shows. */
const LOAD_AHEAD = 30;

/** A mobile number the way people write it; an email address (or anything else) as it is. */
function formatAddress(address: string, country: string): string {
  return address.startsWith('+') ? formatPhone(address, country) : address;
}

/** What happened, in plain words with the provider's code; a sentence of our own for a message cut off mid-send. */
function whatHappened(delivery: DeliveryRowDto): string | null {
  if (delivery.reason) return delivery.errorCode ? `${delivery.reason} (${delivery.errorCode})` : delivery.reason;
  if (delivery.errorCode) return `Error ${delivery.errorCode}`;
  if (delivery.status !== 'unknown') return null;
  return delivery.channel === 'sms'
    ? 'Cut off while it was being sent. Checking with Twilio whether it went out; it is sent again only if Twilio still does not list it 10 minutes after.'
    : 'The connection dropped while it was being sent, so there is no way to tell whether it arrived. You can resend it.';
}

interface DeliveriesTableProps {
  rows: readonly DeliveryRowDto[];
  /** Messages matching, loaded or not. */
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  order: DeliveryOrder;
  onSort(sort: DeliverySort): void;
  /** A new filter or order: back to the top. */
  resetKey: string;
  /** Show which day of a sequence each message belongs to. */
  showDay: boolean;
  /** Ask before sending again a message whose fate is unknown. */
  onResend(delivery: DeliveryRowDto): void;
}

/**
 * Each message of a broadcast: who it was for, where it went, how it went and when. Only the rows in
 * view are drawn, and the next page is fetched as the end comes near, so 100,000 messages scroll smoothly.
 * A row opens its client.
 */
export function DeliveriesTable(props: DeliveriesTableProps) {
  const { rows, total, hasMore, loadingMore, onLoadMore, order, onSort, resetKey, showDay, onResend } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualiser re-renders this table itself as it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= rows.length - LOAD_AHEAD) onLoadMore();
  }, [hasMore, loadingMore, lastShown, rows.length, onLoadMore]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const anyResend = rows.some(canResend);
  const columns = 6 + (showDay ? 1 : 0) + (anyResend ? 1 : 0);
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const sortable = (sort: DeliverySort, label: string, width?: number) => (
    <SortableTh label={label} w={width} active={order.sort === sort ? order.direction : null} onSort={() => onSort(sort)} />
  );

  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <div ref={scroller} style={{ maxHeight: VIEW_HEIGHT, overflow: 'auto', overscrollBehavior: 'contain' }} data-testid="deliveries-scroller">
        <Table stickyHeader highlightOnHover miw={showDay ? 960 : 880} layout="fixed" aria-rowcount={total + 1}>
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              {sortable('name', 'Client', 160)}
              {showDay && sortable('day', 'Day', 72)}
              {sortable('channel', 'By', 80)}
              <Table.Th w={180}>Sent to</Table.Th>
              {sortable('status', 'Status', 160)}
              <Table.Th>What happened</Table.Th>
              {sortable('time', 'When', 184)}
              {anyResend && <Table.Th w={96} aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {before > 0 && <Spacer height={before} columns={columns} />}
            {items.map((item) => {
              const delivery = rows[item.index];
              return delivery ? (
                <DeliveryRow key={delivery.id} index={item.index} delivery={delivery} showDay={showDay} resendColumn={anyResend} onResend={onResend} />
              ) : null;
            })}
            {after > 0 && <Spacer height={after} columns={columns} />}
            {loadingMore && (
              <Table.Tr>
                <Table.Td colSpan={columns}>
                  <Loader size="xs" aria-label="Loading more messages" />
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}

interface DeliveryRowProps {
  index: number;
  delivery: DeliveryRowDto;
  showDay: boolean;
  resendColumn: boolean;
  onResend(delivery: DeliveryRowDto): void;
}

/** Memoised: while scrolling, rows already on screen are not built again, only the ones coming in. */
const DeliveryRow = memo(function DeliveryRow({ index, delivery, showDay, resendColumn, onResend }: DeliveryRowProps) {
  const { country, timeZone, locale } = useSalonFormat();
  const { contactId } = delivery;
  const open = contactId === null ? undefined : () => navigate({ page: 'contact', id: contactId });
  const happened = whatHappened(delivery);
  // A message waiting for its day has no time of its own yet: its row was only written at launch.
  const when = delivery.finalAt ?? delivery.sentAt;
  return (
    <Table.Tr
      h={ROW_HEIGHT}
      aria-rowindex={index + 2}
      onClick={open}
      style={{ cursor: open ? 'pointer' : undefined }}
      title={open ? `Open ${delivery.recipientName}` : 'This client was deleted since'}
      data-testid="delivery-row"
    >
      <Table.Td>
        {contactId === null ? (
          <Text size="sm" truncate>
            {delivery.recipientName}
          </Text>
        ) : (
          <Anchor href={hrefFor({ page: 'contact', id: contactId })} size="sm" fw={500} display="block" truncate>
            {delivery.recipientName}
          </Anchor>
        )}
      </Table.Td>
      {showDay && <Table.Td>Day {delivery.day}</Table.Td>}
      <Table.Td>{CHANNEL_LABELS[delivery.channel]}</Table.Td>
      <Table.Td>
        <Text size="sm" truncate>
          {formatAddress(delivery.address, country)}
        </Text>
      </Table.Td>
      <Table.Td>
        <DeliveryStatusBadge status={delivery.status} channel={delivery.channel} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed" lineClamp={2} title={happened ?? undefined}>
          {happened}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {when ? formatDateTime(when, timeZone, locale) : 'Not sent yet'}
        </Text>
      </Table.Td>
      {resendColumn && (
        <Table.Td>
          {canResend(delivery) && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={(event) => {
                event.stopPropagation();
                onResend(delivery);
              }}
            >
              Resend
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
});

/** The height of the rows not drawn, so the scrollbar stays true. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={columns} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}
