import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { BroadcastAction, BroadcastDto, BroadcastStatus } from '../../../../shared/dto';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useDialog } from '../../hooks/useDialog';
import { CHANNEL_LABELS } from '../../lib/format';
import { useBroadcasts } from '../../stores/broadcasts';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { ConfirmModal } from '../ConfirmModal';
import { ErrorAlert } from '../ErrorAlert';
import { EffectModal } from './EffectModal';

/** One step the owner can take, what its button and dialog say, and from which statuses. */
interface Step {
  label: string;
  question: string;
  confirmLabel: string;
  done: string;
  from: readonly BroadcastStatus[];
  danger?: boolean;
}

const STEPS: Record<BroadcastAction, Step> = {
  pause: {
    label: 'Pause',
    question: 'Pause this broadcast?',
    confirmLabel: 'Pause',
    done: 'Paused. Nothing more goes out until you resume.',
    from: ['scheduled', 'sending'],
  },
  resume: {
    label: 'Resume',
    question: 'Resume this broadcast?',
    confirmLabel: 'Resume',
    done: 'Resumed.',
    from: ['paused'],
  },
  cancel: {
    label: 'Cancel broadcast',
    question: 'Cancel this broadcast for good?',
    confirmLabel: 'Cancel broadcast',
    done: 'Cancelled. The messages not yet sent will never go out.',
    from: ['scheduled', 'sending', 'paused'],
    danger: true,
  },
};

const ORDER: readonly BroadcastAction[] = ['pause', 'resume', 'cancel'];
const METHODS = { pause: 'broadcasts.pause', resume: 'broadcasts.resume', cancel: 'broadcasts.cancel' } as const;

interface Pending {
  action: BroadcastAction;
  /** The core's own words for what the action would do; null while asking. */
  message: string | null;
  allowed: boolean;
}

/** Pause, resume, cancel (each told first, in the core's words), duplicate, and send a draft. */
export function BroadcastActions({ broadcast }: { broadcast: BroadcastDto }) {
  const dialog = useDialog<Pending>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { upsert } = useBroadcasts.getState();

  const ask = async (action: BroadcastAction): Promise<void> => {
    setError(null);
    dialog.open({ action, message: null, allowed: false });
    try {
      const effect = await call('broadcasts.effect', { id: broadcast.id, action });
      dialog.open({ action, message: effect.message, allowed: effect.allowed });
    } catch (caught) {
      dialog.close();
      setError(toApiError(caught));
    }
  };

  const run = async <T,>(work: () => Promise<T>, after: (answer: T) => void): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      after(await work());
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const act = (action: BroadcastAction): Promise<void> =>
    run(
      () => call(METHODS[action], { id: broadcast.id }),
      (answer) => {
        upsert(answer);
        dialog.close();
        showToast(STEPS[action].done);
      },
    );

  const duplicate = (): Promise<void> =>
    run(
      () => call('broadcasts.duplicate', { id: broadcast.id }),
      (copy) => {
        upsert(copy);
        showToast(`Copied as “${copy.name}”, a draft ready to send.`);
        navigate({ page: 'broadcast', id: copy.id });
      },
    );

  const [launching, setLaunching] = useState(false);
  const launch = (): Promise<void> =>
    run(
      () => call('broadcasts.launch', { id: broadcast.id }),
      (answer) => {
        upsert(answer);
        setLaunching(false);
      },
    );

  const pending = dialog.target;
  const step = pending ? STEPS[pending.action] : null;
  return (
    <>
      <Group gap="sm">
        {broadcast.status === 'draft' && <Button onClick={() => setLaunching(true)}>Send now</Button>}
        {ORDER.filter((action) => STEPS[action].from.includes(broadcast.status)).map((action) => (
          <Button
            key={action}
            variant={STEPS[action].danger ? 'light' : 'default'}
            color={STEPS[action].danger ? 'red' : undefined}
            onClick={() => void ask(action)}
          >
            {STEPS[action].label}
          </Button>
        ))}
        {broadcast.status !== 'draft' && (
          <Button variant="default" onClick={() => void duplicate()} loading={busy && !dialog.opened && !launching}>
            Duplicate
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />

      <EffectModal
        opened={dialog.opened}
        title={step?.question ?? ''}
        message={pending?.message ?? null}
        allowed={pending?.allowed ?? false}
        confirmLabel={step?.confirmLabel ?? ''}
        danger={step?.danger}
        busy={busy}
        onConfirm={() => pending && void act(pending.action)}
        onClose={dialog.close}
      />

      <ConfirmModal
        opened={launching}
        title={`Send “${broadcast.name}” now?`}
        confirmLabel="Send"
        busy={busy}
        onConfirm={() => void launch()}
        onCancel={() => setLaunching(false)}
      >
        <Text>
          It goes out by {CHANNEL_LABELS[broadcast.channel]} straight away, to every client who agreed to get it. Once
          sent, it cannot be taken back.
        </Text>
      </ConfirmModal>
    </>
  );
}
