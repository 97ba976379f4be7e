import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { TYPE_CHANNELS } from '../../../../shared/broadcasts';
import type { BroadcastDto, Channel } from '../../../../shared/dto';
import type { DeliveryRowDto, FailureReasonDto } from '../../../../shared/tracking';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useDeliveryPages } from '../../hooks/useDeliveryPages';
import { useDialog } from '../../hooks/useDialog';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { deliveryFilter, hasChoices, nextOrder, NEWEST_FIRST, NO_CHOICES, type DeliveryChoices, type DeliveryScope } from '../../lib/deliveryFilter';
import { CHANNEL_LABELS } from '../../lib/format';
import { formatNumber } from '../../lib/rates';
import { useBroadcasts } from '../../stores/broadcasts';
import { showToast } from '../../stores/toasts';
import { ConfirmModal } from '../ui/ConfirmModal';
import { EmptyState } from '../ui/EmptyState';
import { ReportDownload } from '../reports/ReportDownload';
import { DeliveriesTable } from './DeliveriesTable';
import { DeliveryFilters } from './DeliveryFilters';
import { RetryAlert } from './RetryAlert';

const SEARCH_PAUSE_MS = 300;

/** Who a broadcast went to, filtered, searched and sorted, with the delivery report and "send again" for messages cut off mid-send. */
export function DeliveriesSection({ broadcast, reasons }: { broadcast: BroadcastDto; reasons: readonly FailureReasonDto[] }) {
  if (broadcast.status === 'draft') {
    return <EmptyState title="Not sent yet" description="This broadcast was saved but never sent, so no client has received it." />;
  }
  return (
    <DeliveriesList
      scope={{ broadcastId: broadcast.id }}
      days={broadcast.steps.length}
      channels={TYPE_CHANNELS[broadcast.type]}
      reasons={reasons}
      empty={{ title: 'Nobody to show', description: 'No client could be reached by this broadcast’s channels when it was launched.' }}
    />
  );
}

interface DeliveriesListProps {
  /** One broadcast's messages, or every run of one automation. */
  scope: DeliveryScope;
  /** The days of a sequence (1 for a one-off): past 1, a day to pick and a Day column. */
  days: number;
  channels: readonly Channel[];
  /** The failure reasons present, to filter on one. */
  reasons: readonly FailureReasonDto[];
  /** What the list says while it has no message at all. */
  empty: { title: string; description: string };
}

/** Messages filtered, searched and sorted, a page at a time, with their delivery report and "send again". */
export function DeliveriesList({ scope, days, channels, reasons, empty }: DeliveriesListProps) {
  const { locale } = useSalonFormat();
  const [choices, setChoices] = useState<DeliveryChoices>(NO_CHOICES);
  const [search] = useDebouncedValue(choices.search, SEARCH_PAUSE_MS);
  const [order, setOrder] = useState(NEWEST_FIRST);
  const filter = deliveryFilter(scope, { ...choices, search });
  const pages = useDeliveryPages('broadcastId' in scope ? scope.broadcastId : null, filter, order);
  const confirm = useDialog<DeliveryRowDto>();
  const resending = confirm.target;
  const [busy, setBusy] = useState(false);
  const { rows } = pages;

  const resend = async (delivery: DeliveryRowDto): Promise<void> => {
    setBusy(true);
    try {
      const run = await call('broadcasts.resendUnknown', { deliveryId: delivery.id });
      // An automation's runs are not on the Broadcasts list.
      if (run.automationId === null) useBroadcasts.getState().upsert(run);
      showToast(`Sending it again to ${delivery.recipientName}.`);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(false);
      confirm.close();
      pages.reload();
    }
  };

  const filtered = hasChoices(choices);
  return (
    <Stack gap="sm">
      <DeliveryFilters
        choices={choices}
        onChange={setChoices}
        days={days}
        channels={channels}
        reasons={reasons}
      />
      {pages.error && <RetryAlert title="The messages could not be loaded" error={pages.error} onRetry={pages.reload} />}
      {!rows && !pages.error && <Loader size="sm" aria-label="Loading the messages" />}
      {rows && rows.length === 0 && !filtered && (
        <EmptyState title={empty.title} description={empty.description} />
      )}
      {rows && rows.length === 0 && filtered && (
        <Group gap="sm">
          <Text c="dimmed">No message matches these choices.</Text>
          <Button size="compact-sm" variant="subtle" onClick={() => setChoices(NO_CHOICES)}>
            Show all messages
          </Button>
        </Group>
      )}
      {rows && rows.length > 0 && (
        <>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" fw={500} data-testid="deliveries-total">
              {formatNumber(pages.total, locale)} {pages.total === 1 ? 'message' : 'messages'}
              {filtered ? ' match' : ''}
              {rows.length < pages.total ? ', more as you scroll' : ''}
            </Text>
            <ReportDownload filter={scope} compact />
          </Group>
          <DeliveriesTable
            rows={rows}
            total={pages.total}
            resetKey={JSON.stringify([filter, order])}
            hasMore={pages.hasMore}
            loadingMore={pages.loadingMore}
            onLoadMore={pages.loadMore}
            order={order}
            onSort={(sort) => setOrder((current) => nextOrder(current, sort))}
            showDay={days > 1}
            onResend={confirm.open}
          />
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
