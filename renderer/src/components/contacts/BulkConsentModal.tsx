import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Dialog } from '../../hooks/useDialog';
import { useMethodSubmit } from '../../hooks/useMethodSubmit';
import { CHANNEL_WORDS } from '../../lib/consent';
import { countOf } from '../../lib/format';
import { showToast } from '../../stores/toasts';
import { ErrorAlert } from '../ui/ErrorAlert';
import type { BulkTarget } from './BulkTagModal';
import { ConsentReasonField } from './ConsentReasonField';

type Channel = 'sms' | 'email';
type Status = 'granted' | 'opted_out';

const EXAMPLES: Record<Status, string> = {
  granted: 'e.g. “Signed the new consent form at the front desk”',
  opted_out: 'e.g. “Asked us to stop: list from the old booking system”',
};

interface BulkConsentModalProps {
  /** What the form starts on: opting in or out. */
  dialog: Dialog<Status>;
  /** How many clients are selected. */
  count: number;
  target: BulkTarget;
  onDone(): void;
}

/** Opt every selected client in or out of texts or emails; each change goes into that client's history. */
export function BulkConsentModal({ dialog, count, target, onDone }: BulkConsentModalProps) {
  return (
    <Modal opened={dialog.opened} onClose={dialog.close} title={`Change consent for ${countOf(count, 'client')}`} centered size="lg">
      <BulkConsentForm
        key={dialog.openCount}
        initialStatus={dialog.target ?? 'opted_out'}
        count={count}
        target={target}
        onDone={onDone}
        onClose={dialog.close}
      />
    </Modal>
  );
}

function BulkConsentForm(props: { initialStatus: Status; count: number; target: BulkTarget; onDone(): void; onClose(): void }) {
  const [channel, setChannel] = useState<Channel>('sms');
  const [status, setStatus] = useState<Status>(props.initialStatus);
  const [reason, setReason] = useState('');
  const { messages } = CHANNEL_WORDS[channel];
  const { error, busy, submit: send } = useMethodSubmit('contacts.bulkConsent', ({ changed }) => {
    showToast(resultWords(changed, status, messages));
    props.onDone();
    props.onClose();
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void send({ target: props.target, channel, status, reason });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && !error.concernsAnyOf(['reason']) && <ErrorAlert error={error} />}
        <Group grow>
          <SegmentedControl
            aria-label="Channel"
            value={channel}
            onChange={(value) => setChannel(value as Channel)}
            data={[
              { value: 'sms', label: 'Texts' },
              { value: 'email', label: 'Emails' },
            ]}
          />
          <SegmentedControl
            aria-label="Change"
            value={status}
            onChange={(value) => setStatus(value as Status)}
            data={[
              { value: 'opted_out', label: 'Opt out' },
              { value: 'granted', label: 'Opt in' },
            ]}
          />
        </Group>
        {status === 'opted_out' ? (
          <Text size="sm">
            From now on these clients get no marketing {messages}, whatever audience you pick.
          </Text>
        ) : (
          <Alert color="yellow" title={`Only if every one of them said yes to ${messages}`}>
            <Text size="sm">
              Clients who opted out are opted back in too. Do this only when each of them told you they want {messages}{' '}
              again, and say how below: it is kept in every client’s consent history.
            </Text>
          </Alert>
        )}
        <ConsentReasonField
          label={status === 'granted' ? 'How did they agree?' : 'Why?'}
          description="Kept in each client’s consent history."
          placeholder={EXAMPLES[status]}
          value={reason}
          onChange={setReason}
          error={error?.issueFor('reason')}
          disabled={busy}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} color={status === 'opted_out' ? 'red' : undefined}>
            {status === 'opted_out' ? `Opt ${countOf(props.count, 'client')} out of ${messages}` : `Opt ${countOf(props.count, 'client')} in to ${messages}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function resultWords(changed: number, status: Status, messages: string): string {
  if (changed === 0) return `Nothing changed: every one of them had already ${status === 'granted' ? 'agreed to' : 'opted out of'} ${messages}.`;
  // Agreeing is not being reachable: a client without a mobile number still gets no texts.
  return status === 'granted' ? `Recorded: ${countOf(changed, 'client')} agreed to ${messages}.` : `${countOf(changed, 'client')} will not get ${messages}.`;
}
