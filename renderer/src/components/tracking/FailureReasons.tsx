import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { FailureReasonDto } from '../../../../shared/tracking';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useDialog } from '../../hooks/useDialog';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { CHANNEL_LABELS, countOf } from '../../lib/format';
import { formatNumber } from '../../lib/rates';
import { useBroadcasts } from '../../stores/broadcasts';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { StopTextingModal } from './StopTextingModal';

interface FailureReasonsProps {
  broadcastId: number;
  reasons: readonly FailureReasonDto[];
}

/** Why messages failed, biggest group first, each with what can be done about it. */
export function FailureReasons({ broadcastId, reasons }: FailureReasonsProps) {
  const stopping = useDialog<FailureReasonDto>();
  const [busy, setBusy] = useState<string | null>(null);
  // Groups already marked this visit: their failures stay in the history, the button should not.
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const sorted = reasons.toSorted((a, b) => b.count - a.count);
  const retryable = reasons.filter((reason) => reason.retryable).reduce((sum, reason) => sum + reason.count, 0);

  /** A new draft with the same content, to the clients of one group (or of every retryable one), opened in the wizard. */
  const resend = async (code?: string): Promise<void> => {
    setBusy(code ?? 'all');
    try {
      const draft = await call('tracking.resendFailed', code ? { id: broadcastId, code } : { id: broadcastId });
      useBroadcasts.getState().upsert(draft);
      showToast(`“${draft.name}” is a new draft with the same messages: check it, then launch it.`);
      navigate({ page: 'editBroadcast', id: draft.id });
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(null);
    }
  };

  const stopTexting = async (reason: FailureReasonDto): Promise<void> => {
    setBusy(reason.code);
    try {
      const { marked: count } = await call('tracking.stopTexting', { id: broadcastId, code: reason.code });
      setMarked((done) => new Set(done).add(reason.code));
      showToast(`${countOf(count, 'number')} marked as unable to get texts: they are left out of text audiences from now on.`);
      stopping.close();
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="sm" data-testid="failure-reasons">
      {sorted.map((reason) => (
        <FailureGroup
          key={`${reason.channel}-${reason.code}`}
          reason={reason}
          busy={busy}
          marked={marked.has(reason.code)}
          onResend={() => void resend(reason.code)}
          onStopTexting={() => stopping.open(reason)}
        />
      ))}
      {retryable > 0 && (
        <Group>
          <Button variant="light" onClick={() => void resend()} loading={busy === 'all'} disabled={busy !== null && busy !== 'all'}>
            Resend to all retryable failures ({countOf(retryable, 'message')})
          </Button>
        </Group>
      )}
      <StopTextingModal
        reason={stopping.target}
        opened={stopping.opened}
        busy={busy !== null}
        onConfirm={(reason) => void stopTexting(reason)}
        onCancel={stopping.close}
      />
    </Stack>
  );
}

interface FailureGroupProps {
  reason: FailureReasonDto;
  busy: string | null;
  marked: boolean;
  onResend(): void;
  onStopTexting(): void;
}

function FailureGroup({ reason, busy, marked, onResend, onStopTexting }: FailureGroupProps) {
  const { locale } = useSalonFormat();
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`failure-${reason.code}`}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <Badge variant="light" color="gray">
            {CHANNEL_LABELS[reason.channel]}
          </Badge>
          <Text fw={500}>
            {reason.reason} ({reason.code}): {formatNumber(reason.count, locale)}
          </Text>
        </Group>
        <Group gap="xs">
          {reason.retryable && (
            <Button size="compact-sm" variant="default" onClick={onResend} loading={busy === reason.code} disabled={busy !== null}>
              Resend to these
            </Button>
          )}
          {reason.numberUnusable &&
            (marked ? (
              <Text size="sm" c="dimmed">
                Numbers marked: no more texts to them
              </Text>
            ) : (
              <Button size="compact-sm" variant="light" color="red" onClick={onStopTexting} disabled={busy !== null}>
                Stop texting these numbers
              </Button>
            ))}
        </Group>
      </Group>
    </Paper>
  );
}
