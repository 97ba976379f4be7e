import { Alert, Button, Group, Input, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { EVERYONE } from '../../../shared/audience';
import { SMS_MAX_CHARS, type MethodInput } from '../../../shared/contract';
import type { Channel } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { validateInput } from '../api/validate';
import { BroadcastReach } from '../components/BroadcastReach';
import { defaultWhen, formatSchedule, previewSchedule, sendAtOf, type When } from '../components/broadcast/schedule';
import { WhenPicker } from '../components/broadcast/WhenPicker';
import { ConfirmModal } from '../components/ConfirmModal';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useCall } from '../hooks/useCall';
import { CLICKABLE_SEGMENTS } from '../lib/clickableSegments';
import { CHANNEL_LABELS, countOf } from '../lib/format';
import { useBroadcasts } from '../stores/broadcasts';
import { navigate } from '../stores/navigation';
import { useSettings } from '../stores/settings';
import { showToast } from '../stores/toasts';

interface Draft {
  name: string;
  channel: Channel;
  subject: string;
  body: string;
  when: When;
}

const FIELDS = ['name', 'subject', 'body', 'sendAt'] as const;
const CHANNEL_OPTIONS = (['sms', 'email'] as const).map((value) => ({ value, label: CHANNEL_LABELS[value] }));

function toCreateInput({ name, channel, subject, body, when }: Draft): MethodInput<'broadcasts.create'> {
  const sendAt = sendAtOf(when);
  const timing = sendAt ? { sendAt } : {};
  return channel === 'sms' ? { name, channel, body, ...timing } : { name, channel, subject, body, ...timing };
}

function sendAtProblem(problem: string): ApiError {
  return new ApiError({ code: 'invalid_input', message: problem, issues: [{ path: 'sendAt', message: problem }] });
}

export function NewBroadcastPage() {
  const { sendingMode, timeZone } = useSettings();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: '',
    channel: 'sms',
    subject: '',
    body: '',
    when: defaultWhen(timeZone),
  }));
  /** Set once the broadcast is saved, so a retry after a failed launch does not save it twice. */
  const [savedId, setSavedId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const audience = useCall('audience.summary', { filter: EVERYONE });
  const reachable = audience.data?.[draft.channel].reachable ?? 0;

  const edit = (change: Partial<Draft>): void => {
    setDraft((current) => ({ ...current, ...change }));
    setSavedId(null);
  };
  const schedule = draft.when.later ? previewSchedule(draft.when, timeZone) : null;

  const review = (event: FormEvent): void => {
    event.preventDefault();
    const problems =
      validateInput('broadcasts.create', toCreateInput(draft)) ??
      (typeof schedule === 'string' ? sendAtProblem(schedule) : null);
    setError(problems);
    if (!problems) setConfirming(true);
  };

  const send = async (): Promise<void> => {
    setSending(true);
    try {
      const id = savedId ?? (await call('broadcasts.create', toCreateInput(draft))).id;
      setSavedId(id);
      const launched = await call('broadcasts.launch', { id });
      useBroadcasts.getState().upsert(launched);
      if (launched.schedule) {
        const { note } = launched.schedule;
        showToast(`Scheduled for ${formatSchedule(launched.schedule)}.${note ? ` ${note}.` : ''}`);
      }
      navigate({ page: 'broadcast', id });
    } catch (caught) {
      setError(toApiError(caught));
      setConfirming(false);
      setSending(false);
    }
  };

  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title="New broadcast" description="Write one message and send it to every client who agreed to get it." />
      <form onSubmit={review} noValidate>
        <Stack gap="md">
          {error && !error.concernsAnyOf(FIELDS) && <ErrorAlert error={error} />}
          <TextInput
            label="Broadcast name"
            description="Only you see this, e.g. “June offers”."
            withAsterisk
            value={draft.name}
            onChange={(event) => edit({ name: event.currentTarget.value })}
            error={error?.issueFor('name')}
          />
          <Input.Wrapper label="Send by" labelElement="div">
            <div>
              <SegmentedControl
                data={CHANNEL_OPTIONS}
                value={draft.channel}
                onChange={(channel) => edit({ channel })}
                aria-label="Send by"
                styles={CLICKABLE_SEGMENTS}
              />
            </div>
          </Input.Wrapper>
          <BroadcastReach audience={audience} channel={draft.channel} />
          <WhenPicker
            value={draft.when}
            onChange={(change) => edit({ when: { ...draft.when, ...change } })}
            zone={timeZone}
            error={error?.issueFor('sendAt')}
          />
          {draft.channel === 'email' && (
            <TextInput
              label="Subject"
              withAsterisk
              value={draft.subject}
              onChange={(event) => edit({ subject: event.currentTarget.value })}
              error={error?.issueFor('subject')}
            />
          )}
          <Textarea
            label="Message"
            withAsterisk
            autosize
            minRows={draft.channel === 'sms' ? 4 : 10}
            value={draft.body}
            onChange={(event) => edit({ body: event.currentTarget.value })}
            error={error?.issueFor('body')}
            description={draft.channel === 'sms' ? <SmsLength length={draft.body.length} /> : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <Group>
            <Button type="submit" disabled={sending || reachable === 0}>
              {draft.when.later ? 'Schedule' : 'Send now'}
            </Button>
          </Group>
        </Stack>
      </form>

      <ConfirmModal
        opened={confirming}
        title={
          schedule && typeof schedule !== 'string'
            ? `Schedule for ${formatSchedule(schedule)} to ${countOf(reachable, 'client')}?`
            : `Send to ${countOf(reachable, 'client')} now?`
        }
        confirmLabel={draft.when.later ? 'Schedule' : 'Send'}
        busy={sending}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      >
        {schedule && typeof schedule !== 'string' ? (
          <>
            {schedule.note && (
              <Alert color="yellow" title="The time was moved">
                {schedule.note}.
              </Alert>
            )}
            <Text>
              “{draft.name.trim()}” goes out by {CHANNEL_LABELS[draft.channel]} at that time. Until then you can
              pause or cancel it from its page.
            </Text>
          </>
        ) : (
          <Text>
            “{draft.name.trim()}” goes out by {CHANNEL_LABELS[draft.channel]} straight away. Once sent, it cannot be
            taken back.
          </Text>
        )}
        {sendingMode === 'sandbox' && (
          <Alert color="orange" title="Sandbox">
            Nothing really leaves this computer: the messages are simulated, so no client gets them.
          </Alert>
        )}
      </ConfirmModal>
    </Stack>
  );
}

function SmsLength({ length }: { length: number }) {
  return (
    <Text span size="xs" c={length > SMS_MAX_CHARS ? 'red' : 'dimmed'}>
      {length} / {SMS_MAX_CHARS} characters
    </Text>
  );
}
