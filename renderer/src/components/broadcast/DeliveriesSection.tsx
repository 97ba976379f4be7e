import { Button, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BroadcastDto, DeliveryDto } from '../../../../shared/dto';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useDialog } from '../../hooks/useDialog';
import { useLiveDeliveries } from '../../hooks/useLiveDeliveries';
import { deliveryFilters, filterOption, statusParam, type DeliveryFilter } from '../../lib/deliveryFilter';
import { CHANNEL_LABELS } from '../../lib/format';
import { useBroadcasts } from '../../stores/broadcasts';
import { showToast } from '../../stores/toasts';
import { ConfirmModal } from '../ConfirmModal';
import { DeliveriesTable } from '../DeliveriesTable';
import { EmptyState } from '../EmptyState';
import { ErrorAlert } from '../ErrorAlert';

/** Who a broadcast went to, filtered by how it went, with "send again" for messages cut off mid-send. */
export function DeliveriesSection({ broadcast }: { broadcast: BroadcastDto }) {
  const [filter, setFilter] = useState<DeliveryFilter>('all');
  const draft = broadcast.status === 'draft';
  return (
    <Stack gap="sm">
      {!draft && (
        <SegmentedControl
          value={filter}
          onChange={(value) => setFilter(deliveryFilters(broadcast.stats).find((option) => option.value === value)?.value ?? 'all')}
          data={deliveryFilters(broadcast.stats).map(({ value, label }) => ({ value, label }))}
          aria-label="Show messages"
          w="fit-content"
          data-testid="delivery-filter"
        />
      )}
      {/* A new status (paused, cancelled...) can change every row: fetch them afresh. */}
      <DeliveriesList key={broadcast.status} broadcast={broadcast} filter={filter} onShowAll={() => setFilter('all')} />
    </Stack>
  );
}

interface DeliveriesListProps {
  broadcast: BroadcastDto;
  filter: DeliveryFilter;
  onShowAll(): void;
}

function DeliveriesList({ broadcast, filter, onShowAll }: DeliveriesListProps) {
  const deliveries = useLiveDeliveries(broadcast.id, statusParam(filter));
  const confirm = useDialog<DeliveryDto>();
  const resending = confirm.target;
  const [busy, setBusy] = useState(false);
  const { data } = deliveries;

  const resend = async (delivery: DeliveryDto): Promise<void> => {
    setBusy(true);
    try {
      useBroadcasts.getState().upsert(await call('broadcasts.resendUnknown', { deliveryId: delivery.id }));
      showToast(`Sending it again to ${delivery.recipientName}.`);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
      confirm.close();
      deliveries.reload();
    }
  };

  return (
    <Stack gap="sm">
      <ErrorAlert error={deliveries.error} />
      {deliveries.loading && <Loader size="sm" aria-label="Loading deliveries" />}
      {data && data.total === 0 && filter === 'all' && (
        <EmptyState
          title={broadcast.status === 'draft' ? 'Not sent yet' : 'Nobody to show'}
          description={
            broadcast.status === 'draft'
              ? 'This broadcast was saved but never sent, so no client has received it.'
              : 'No client could be reached by this broadcast’s channels when it was launched.'
          }
        />
      )}
      {data && data.total === 0 && filter !== 'all' && (
        <Group gap="sm">
          <Text c="dimmed">{filterOption(filter).none}</Text>
          <Button size="compact-sm" variant="subtle" onClick={onShowAll}>
            Show all messages
          </Button>
        </Group>
      )}
      {data && data.total > 0 && (
        <>
          <DeliveriesTable deliveries={data.deliveries} showDay={broadcast.steps.length > 1} onResend={confirm.open} />
          {data.deliveries.length < data.total && (
            <Text size="sm" c="dimmed">
              Showing the first {data.deliveries.length} of {data.total}.
            </Text>
          )}
        </>
      )}
      <ConfirmModal
        opened={confirm.opened}
        title={`Send it again to ${resending?.recipientName ?? ''}?`}
        confirmLabel="Resend"
        busy={busy}
        onConfirm={() => resending && void resend(resending)}
        onCancel={confirm.close}
      >
        <Text>
          The connection dropped while this {resending ? CHANNEL_LABELS[resending.channel].toLowerCase() : 'message'} was
          being sent, and there is no way to check whether it arrived. {resending?.recipientName ?? 'The client'} may
          already have it: sending again could give them two copies.
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
