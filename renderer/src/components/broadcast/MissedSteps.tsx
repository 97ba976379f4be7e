import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { StepDto } from '../../../../shared/broadcasts';
import type { BroadcastDto } from '../../../../shared/dto';
import { toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { useBroadcasts } from '../../stores/broadcasts';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { useSettings } from '../../stores/settings';
import { showToast } from '../../stores/toasts';
import { ConfirmModal } from '../ui/ConfirmModal';
import { missedStepWords, missedSteps } from './notices';

/** One notice per step that came due while the app was closed or asleep: send it now, or skip it. */
export function MissedSteps({ broadcast }: { broadcast: BroadcastDto }) {
  const missed = missedSteps(broadcast);
  if (missed.length === 0) return null;
  return (
    <Stack gap="sm">
      {missed.map((step) => (
        <MissedStep key={step.day} broadcast={broadcast} step={step} />
      ))}
    </Stack>
  );
}

function MissedStep({ broadcast, step }: { broadcast: BroadcastDto; step: StepDto }) {
  const { graceHours } = useSettings();
  const clock = useSalonFormat();
  const [running, setRunning] = useState<'send' | 'skip' | null>(null);
  const [asking, setAsking] = useState(false);
  const words = missedStepWords(step, broadcast.steps.length, clock, graceHours);

  const act = async (action: 'send' | 'skip'): Promise<void> => {
    setRunning(action);
    try {
      const method = action === 'send' ? 'broadcasts.sendMissed' : 'broadcasts.skipMissed';
      useBroadcasts.getState().upsert(await call(method, { id: broadcast.id, day: step.day }));
      showToast(action === 'send' ? 'Sending now.' : 'Skipped: those messages will not go out.');
      setAsking(false);
    } catch (caught) {
      setAsking(false);
      showToast(toApiError(caught).message, 'error');
      // It may have changed meanwhile (e.g. sent from another window): show it as it is now.
      void useBroadcasts.getState().refresh(broadcast.id).catch(() => undefined);
    } finally {
      setRunning(null);
    }
  };

  return (
    <Alert color="yellow" title={words.title} data-testid={`missed-step-${step.day}`}>
      <Stack gap="xs">
        <Text size="sm">{words.body}</Text>
        <Group gap="sm">
          <Button size="xs" onClick={() => void act('send')} loading={running === 'send'} disabled={running !== null}>
            {words.sendLabel}
          </Button>
          <Button size="xs" variant="default" onClick={() => setAsking(true)} disabled={running !== null}>
            {words.skipLabel}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={asking}
        title={words.skipQuestion}
        confirmLabel={words.skipLabel}
        danger
        busy={running === 'skip'}
        onConfirm={() => void act('skip')}
        onCancel={() => setAsking(false)}
      >
        <Text>{words.skipEffect}</Text>
      </ConfirmModal>
    </Alert>
  );
}
