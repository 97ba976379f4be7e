import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { BroadcastAction, BroadcastDto, BroadcastStatus } from '../../../../shared/dto';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useDialog } from '../../hooks/useDialog';
import { useBroadcasts } from '../../stores/broadcasts';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert } from '../ui/ErrorAlert';
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

type Running = BroadcastAction | 'duplicate' | 'edit' | 'delete';

/**
 * Pause, resume, cancel (each told first, in the core's words), duplicate, edit a scheduled broadcast
 * before it goes out, and carry on with or delete a draft (drafts are launched from the wizard).
 */
export function BroadcastActions({ broadcast }: { broadcast: BroadcastDto }) {
  const dialog = useDialog<Pending>();
  const [running, setRunning] = useState<Running | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState<'edit' | 'delete' | null>(null);
  const { upsert, remove, refresh } = useBroadcasts.getState();
  const { id, status } = broadcast;
  const name = broadcast.name || 'this draft';

  const ask = async (action: BroadcastAction): Promise<void> => {
    setError(null);
    dialog.open({ action, message: null, allowed: false });
    try {
      const effect = await call('broadcasts.effect', { id, action });
      dialog.open({ action, message: effect.message, allowed: effect.allowed });
    } catch (caught) {
      dialog.close();
      setError(toApiError(caught));
    }
  };

  /** Runs one call; a refusal (conflict) is told in a toast when `conflictToast`, any other problem below the buttons. */
  const run = async <T,>(kind: Running, work: () => Promise<T>, after: (answer: T) => void, conflictToast = false): Promise<void> => {
    setRunning(kind);
    setError(null);
    try {
      after(await work());
    } catch (caught) {
      const problem = toApiError(caught);
      setConfirming(null);
      if (conflictToast && problem.code === 'conflict') {
        showToast(problem.message, 'error');
        // It changed meanwhile (e.g. started sending): show it as it is now.
        void refresh(id).catch(() => undefined);
      } else {
        setError(problem);
      }
    } finally {
      setRunning(null);
    }
  };

  const act = (action: BroadcastAction): Promise<void> =>
    run(
      action,
      () => call(METHODS[action], { id }),
      (answer) => {
        upsert(answer);
        dialog.close();
        showToast(STEPS[action].done);
      },
    );

  const duplicate = (): Promise<void> =>
    run(
      'duplicate',
      () => call('broadcasts.duplicate', { id }),
      (copy) => {
        upsert(copy);
        showToast(`Copied as “${copy.name}”, a draft ready to change and send.`);
        navigate({ page: 'editBroadcast', id: copy.id });
      },
    );

  const edit = (): Promise<void> =>
    run(
      'edit',
      () => call('broadcasts.edit', { id }),
      (draft) => {
        upsert(draft);
        setConfirming(null);
        navigate({ page: 'editBroadcast', id });
      },
      true,
    );

  const deleteDraft = (): Promise<void> =>
    run(
      'delete',
      () => call('broadcasts.deleteDraft', { id }),
      () => {
        setConfirming(null);
        remove(id);
        showToast('Draft deleted.');
        navigate({ page: 'broadcasts' });
      },
      true,
    );

  const pending = dialog.target;
  const step = pending ? STEPS[pending.action] : null;
  return (
    <>
      <Group gap="sm">
        {status === 'draft' && (
          <>
            <Button onClick={() => navigate({ page: 'editBroadcast', id })}>Continue editing</Button>
            <Button variant="light" color="red" onClick={() => setConfirming('delete')}>
              Delete draft
            </Button>
          </>
        )}
        {broadcast.canEdit && (
          <Button variant="default" onClick={() => setConfirming('edit')}>
            Edit
          </Button>
        )}
        {ORDER.filter((action) => STEPS[action].from.includes(status)).map((action) => (
          <Button
            key={action}
            variant={STEPS[action].danger ? 'light' : 'default'}
            color={STEPS[action].danger ? 'red' : undefined}
            onClick={() => void ask(action)}
          >
            {STEPS[action].label}
          </Button>
        ))}
        {status !== 'draft' && (
          <Button variant="default" onClick={() => void duplicate()} loading={running === 'duplicate'}>
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
        busy={running !== null}
        onConfirm={() => pending && void act(pending.action)}
        onClose={dialog.close}
      />

      <ConfirmModal
        opened={confirming === 'edit'}
        title={`Change “${broadcast.name}”?`}
        confirmLabel="Edit"
        busy={running === 'edit'}
        onConfirm={() => void edit()}
        onCancel={() => setConfirming(null)}
      >
        <Text>
          It goes back to being a draft while you change it: nothing goes out until you launch it again.
        </Text>
      </ConfirmModal>

      <ConfirmModal
        opened={confirming === 'delete'}
        title={`Delete “${name}”?`}
        confirmLabel="Delete draft"
        danger
        busy={running === 'delete'}
        onConfirm={() => void deleteDraft()}
        onCancel={() => setConfirming(null)}
      >
        <Text>The draft and everything written in it are deleted for good. It was never sent, so no client is affected.</Text>
      </ConfirmModal>
    </>
  );
}
