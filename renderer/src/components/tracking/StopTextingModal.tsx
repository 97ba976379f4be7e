import { Text } from '@mantine/core';
import type { FailureReasonDto } from '../../../../shared/tracking';
import { countOf } from '../../lib/format';
import { ConfirmModal } from '../ui/ConfirmModal';

interface StopTextingModalProps {
  reason: FailureReasonDto | null;
  opened: boolean;
  busy: boolean;
  onConfirm(reason: FailureReasonDto): void;
  onCancel(): void;
}

/** What marking a group's numbers as unusable does, before it is done. */
export function StopTextingModal({ reason, opened, busy, onConfirm, onCancel }: StopTextingModalProps) {
  const numbers = reason ? countOf(reason.count, 'number') : 'these numbers';
  return (
    <ConfirmModal
      opened={opened}
      title={`Stop texting ${numbers}?`}
      confirmLabel="Stop texting them"
      danger
      busy={busy}
      onConfirm={() => reason && onConfirm(reason)}
      onCancel={onCancel}
    >
      <Text>
        {reason ? `“${reason.reason}”: ` : ''}these numbers cannot get texts. Each client is marked as such on their page and left out of
        every text audience from now on, so you stop paying for texts that never arrive. Their emails are not affected.
      </Text>
      <Text size="sm" c="dimmed">
        If a client tells you the number is a mobile after all, you can clear the mark on their page.
      </Text>
    </ConfirmModal>
  );
}
