import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ConsentChannel } from '../../../../shared/contacts';
import type { ContactDetailDto, ContactDto } from '../../../../shared/dto';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { validateInput } from '../../api/validate';
import type { Dialog } from '../../hooks/useDialog';
import { CHANNEL_WORDS } from '../../lib/consent';
import { ABOVE_DRAWER } from '../../lib/layers';
import { showToast } from '../../stores/toasts';
import { ConsentReasonField } from './ConsentReasonField';
import { ErrorAlert } from '../ui/ErrorAlert';

export interface ConsentChange {
  contact: ContactDto;
  channel: ConsentChannel;
  status: 'granted' | 'opted_out';
}

const EXAMPLES = {
  granted: 'e.g. “Said yes to texts at the front desk on 3 June”',
  opted_out: 'e.g. “Asked in the salon to stop texts”',
};

/** Record an opt-in or opt-out by hand; the reason goes into the client's consent history. */
export function ConsentChangeModal({ dialog, onChanged }: { dialog: Dialog<ConsentChange>; onChanged(contact: ContactDetailDto): void }) {
  const change = dialog.target;
  return (
    <Modal opened={dialog.opened} onClose={dialog.close} title={change ? titleOf(change) : ''} centered zIndex={ABOVE_DRAWER}>
      {change && <ConsentChangeForm key={dialog.openCount} change={change} onChanged={onChanged} onDone={dialog.close} />}
    </Modal>
  );
}

export function consentActionLabel(change: Omit<ConsentChange, 'contact'> & { from: string }): string {
  const { messages } = CHANNEL_WORDS[change.channel];
  if (change.status === 'opted_out') return `Opt out of ${messages}`;
  return change.from === 'opted_out' ? `Opt back in to ${messages}` : `Opt in to ${messages}`;
}

function titleOf({ contact, channel, status }: ConsentChange): string {
  const { messages } = CHANNEL_WORDS[channel];
  return status === 'opted_out' ? `${contact.name} no longer wants ${messages}` : `${contact.name} agreed to ${messages}`;
}

function ConsentChangeForm({ change, onChanged, onDone }: { change: ConsentChange; onChanged(contact: ContactDetailDto): void; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const { messages } = CHANNEL_WORDS[change.channel];
  const input = { id: change.contact.id, channel: change.channel, status: change.status, reason };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const invalid = validateInput('contacts.setConsent', input);
    setError(invalid);
    if (invalid) return;
    setSaving(true);
    try {
      const updated = await call('contacts.setConsent', input);
      showToast(change.status === 'opted_out' ? `${updated.name} will not get ${messages}.` : `${updated.name} can get ${messages} again.`);
      onChanged(updated);
      onDone();
    } catch (caught) {
      setError(toApiError(caught));
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && !error.concernsAnyOf(['reason']) && <ErrorAlert error={error} />}
        <Text size="sm">
          {change.status === 'opted_out'
            ? `From now on ${change.contact.name} gets no marketing ${messages}, whatever audience you pick.`
            : `${change.contact.name} will be included in ${messages} you send from now on. Only do this if they said yes.`}
        </Text>
        <ConsentReasonField
          label="Why?"
          description="Kept in the client’s consent history."
          placeholder={EXAMPLES[change.status]}
          value={reason}
          onChange={setReason}
          error={error?.issueFor('reason')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" color={change.status === 'opted_out' ? 'red' : undefined} loading={saving}>
            {change.status === 'opted_out' ? `Opt out of ${messages}` : `Opt in to ${messages}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
