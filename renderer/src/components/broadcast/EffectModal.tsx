import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { ABOVE_DRAWER } from '../../lib/layers';

interface EffectModalProps {
  opened: boolean;
  title: string;
  /** What the step would do, in the core's words; null while it is being worked out. */
  message: string | null;
  /** False when the step is no longer possible (the broadcast moved on meanwhile). */
  allowed: boolean;
  confirmLabel: string;
  /** Red for a step that cannot be undone. */
  danger?: boolean;
  busy: boolean;
  onConfirm(): void;
  onClose(): void;
}

/**
 * Asks before pausing, resuming or cancelling, saying exactly what happens to the messages not yet
 * sent. The way out says "Go back" rather than "Cancel", so it is never mistaken for cancelling the broadcast.
 */
export function EffectModal({ opened, title, message, allowed, confirmLabel, danger, busy, onConfirm, onClose }: EffectModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered zIndex={ABOVE_DRAWER}>
      <Stack>
        {message === null ? <Loader size="sm" aria-label="Checking what this would do" /> : <Text>{message}</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Go back
          </Button>
          {allowed && (
            <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={busy} disabled={message === null}>
              {confirmLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
