import { Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { LIVE_CONFIRMATION, type SendingDto } from '../../../../shared/sending';
import { ApiError, toApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { ABOVE_DRAWER } from '../../lib/layers';
import { confirmationMatches } from '../../lib/sendingMode';
import { useSending } from '../../stores/sending';
import { showToast } from '../../stores/toasts';
import { ErrorAlert } from '../ui/ErrorAlert';

interface LiveModeModalProps {
  opened: boolean;
  sending: SendingDto;
  onClose(): void;
}

/** Turning live sending on: what changes, and the owner types "send for real" to say they mean it. */
export function LiveModeModal({ opened, sending, onClose }: LiveModeModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Send messages to your clients for real?" centered zIndex={ABOVE_DRAWER}>
      {/* Afresh at every opening: nothing typed last time stays. */}
      {opened && <LiveModeForm sending={sending} onClose={onClose} />}
    </Modal>
  );
}

function LiveModeForm({ sending, onClose }: Omit<LiveModeModalProps, 'opened'>) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const ready = confirmationMatches(typed);

  const turnOn = async (): Promise<void> => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      useSending.getState().apply(await call('sending.setLive', { live: true, confirmation: typed }));
      showToast('Live sending is on. Broadcasts you launch now reach your clients.');
      onClose();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const ways = [
    sending.twilio
      ? 'Text messages go through your Twilio account, which charges you for each one.'
      : 'Text messages stay practice-only until Twilio is set up.',
    sending.smtp ? `Emails go out from ${sending.smtp.fromAddress}.` : 'Emails stay practice-only until a mailbox is set up.',
    sending.push
      ? 'Website notifications go to the browsers of clients who signed up for them.'
      : 'Website notifications stay practice-only until keys are made.',
  ];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void turnOn();
      }}
    >
      <Stack>
        <Text>From now on, every broadcast you launch reaches your clients’ phones and inboxes. It cannot be taken back once sent.</Text>
        <List size="sm" spacing={4}>
          {ways.map((way) => (
            <List.Item key={way}>{way}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed">
          Broadcasts already scheduled go out for real too when their time comes. You can switch back to the sandbox at any
          time.
        </Text>
        <TextInput
          label={`To confirm, type “${LIVE_CONFIRMATION}”`}
          placeholder={LIVE_CONFIRMATION}
          autoComplete="off"
          data-autofocus
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" color="red" disabled={!ready} loading={busy}>
            Turn on live sending
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
