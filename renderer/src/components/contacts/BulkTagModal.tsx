import { Autocomplete, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useCall } from '../../hooks/useCall';
import type { Dialog } from '../../hooks/useDialog';
import { useMethodSubmit } from '../../hooks/useMethodSubmit';
import type { MethodInput } from '../../../../shared/contract';
import { countOf } from '../../lib/format';
import { showToast } from '../../stores/toasts';
import { ErrorAlert } from '../ui/ErrorAlert';

export type BulkTagAction = 'add' | 'remove';

/** The ticked clients: by id, or every client matching the list's search and tag but the unticked ones. */
export type BulkTarget = MethodInput<'contacts.bulkTag'>['target'];

interface BulkTagModalProps {
  dialog: Dialog<BulkTagAction>;
  /** How many clients are selected. */
  count: number;
  target: BulkTarget;
  onDone(): void;
}

/** Give a tag to, or take it from, every selected client. */
export function BulkTagModal({ dialog, ...props }: BulkTagModalProps) {
  const action = dialog.target ?? 'add';
  return (
    <Modal
      opened={dialog.opened}
      onClose={dialog.close}
      title={`${action === 'add' ? 'Tag' : 'Remove a tag from'} ${countOf(props.count, 'client')}`}
      centered
    >
      <BulkTagForm key={dialog.openCount} action={action} onClose={dialog.close} target={props.target} onDone={props.onDone} />
    </Modal>
  );
}

function BulkTagForm({ action, target, onDone, onClose }: Omit<BulkTagModalProps, 'dialog' | 'count'> & { action: BulkTagAction; onClose(): void }) {
  const tags = useCall('tags.list', {});
  const [tag, setTag] = useState('');
  const names = tags.data?.map(({ name }) => name) ?? [];
  const { error, busy, submit: send } = useMethodSubmit('contacts.bulkTag', ({ changed }) => {
    showToast(
      action === 'add'
        ? `Tagged ${countOf(changed, 'client')} “${tag.trim()}”.`
        : `Removed “${tag.trim()}” from ${countOf(changed, 'client')}.`,
    );
    onDone();
    onClose();
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void send({ target, tag, action });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && !error.concernsAnyOf(['tag']) && <ErrorAlert error={error} />}
        {action === 'add' ? (
          <Autocomplete
            label="Tag"
            description="Pick one of your tags or type a new one, e.g. “Summer promo”."
            data={names}
            value={tag}
            onChange={setTag}
            error={error?.issueFor('tag')}
            disabled={busy}
            data-autofocus
          />
        ) : (
          <Select
            label="Tag to remove"
            placeholder={names.length === 0 ? 'You have no tags yet' : 'Pick a tag'}
            data={names}
            value={tag || null}
            onChange={(picked) => setTag(picked ?? '')}
            searchable
            error={error?.issueFor('tag')}
            disabled={busy}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} color={action === 'remove' ? 'red' : undefined}>
            {action === 'add' ? 'Add tag' : 'Remove tag'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
