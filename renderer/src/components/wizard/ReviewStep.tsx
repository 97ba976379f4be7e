import { Alert, Anchor, Button, Group, List, Loader, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { TYPE_CHANNELS, type BroadcastDraft, type BroadcastReviewDto } from '../../../../shared/broadcasts';
import type { InputIssue } from '../../../../shared/errors';
import { toApiError, type ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { countOf, formatCount } from '../../lib/format';
import { useBroadcasts } from '../../stores/broadcasts';
import { navigate } from '../../stores/navigation';
import { showToast } from '../../stores/toasts';
import { formatSchedule } from '../broadcast/schedule';
import { ConfirmModal } from '../ui/ConfirmModal';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SectionCard } from '../ui/SectionCard';
import { StatCard } from '../ui/StatCard';
import { formatDuration } from './reviewFormat';
import { formatAmount } from '../../lib/money';
import { useSalonFormat } from '../../hooks/useSalonFormat';
import { SendingModeNote } from './SendingModeNote';
import type { DraftAutosave } from './useDraftAutosave';

/** How each channel's messages are counted on screen. */
const MESSAGE_WORDS = {
  sms: { one: 'text', who: 'Get texts' },
  email: { one: 'email', who: 'Get emails' },
  push: { one: 'notification', who: 'Get notifications' },
} as const;

interface ReviewStepProps {
  draft: BroadcastDraft;
  autosave: DraftAutosave;
  /** The review's problems, for the other steps to show on their fields. */
  onReviewed(problems: InputIssue[]): void;
  onFix(path: string): void;
}

/** Everything launch will do, what it costs and what to fix first; test sends; launch. */
export function ReviewStep({ draft, autosave, onReviewed, onFix }: ReviewStepProps) {
  const [review, setReview] = useState<BroadcastReviewDto | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [launching, setLaunching] = useState(false);
  const { locale } = useSalonFormat();

  useEffect(() => {
    let current = true;
    autosave
      .flush()
      .then((id) => call('broadcasts.review', { id }))
      .then(
        (answer) => {
          if (!current) return;
          setReview(answer);
          setError(null);
          onReviewed(answer.problems);
        },
        (caught: unknown) => current && setError(toApiError(caught)),
      );
    return () => {
      current = false;
    };
    // The review is asked for again whenever the draft changes while it is shown.
  }, [draft]); // eslint-disable-line react-hooks/exhaustive-deps

  const launch = async (): Promise<void> => {
    setLaunching(true);
    try {
      const launched = await call('broadcasts.launch', { id: await autosave.flush() });
      useBroadcasts.getState().upsert(launched);
      const first = launched.steps[0]?.schedule;
      showToast(first ? `Scheduled: Day 1 goes out ${formatSchedule(first)}.` : 'Sending has started.');
      navigate({ page: 'broadcast', id: launched.id });
    } catch (caught) {
      setError(toApiError(caught));
      setConfirming(false);
      setLaunching(false);
    }
  };

  if (!review) return error ? <ErrorAlert error={error} /> : <Loader aria-label="Checking your broadcast" />;
  const channels = TYPE_CHANNELS[draft.type];
  const blocked = review.problems.length > 0 || review.overBudget;
  const money = { currency: review.currency, locale };
  return (
    <Stack gap="lg">
      {error && <ErrorAlert error={error} />}
      {review.problems.length > 0 && (
        <Alert color="red" title="Fix these before launching" data-testid="review-problems">
          <List size="sm">
            {review.problems.map((problem) => (
              <List.Item key={`${problem.path}:${problem.message}`}>
                {problem.message}{' '}
                <Anchor component="button" size="sm" onClick={() => onFix(problem.path)}>
                  Fix
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group grow>
        <StatCard label="Clients" value={review.recipients.total} testId="review-recipients" />
        {channels.map((channel) => (
          <StatCard key={channel} label={MESSAGE_WORDS[channel].who} value={review.recipients[channel]} />
        ))}
      </Group>
      <SectionCard title="Timeline">
        <Table data-testid="review-timeline">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Goes out</Table.Th>
              <Table.Th>Messages</Table.Th>
              {channels.includes('sms') && <Table.Th>Text segments</Table.Th>}
              {channels.includes('sms') && <Table.Th>Cost</Table.Th>}
              <Table.Th>Sending takes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {review.steps.map((step) => (
              <Table.Tr key={step.day}>
                <Table.Td>Day {step.day}</Table.Td>
                <Table.Td>
                  {step.schedule ? formatSchedule(step.schedule) : 'As soon as you launch'}
                  {step.schedule?.note && (
                    <Text size="xs" c="yellow.8">
                      {step.schedule.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{channels.map((channel) => countOf(step.messages[channel], MESSAGE_WORDS[channel].one)).join(', ')}</Table.Td>
                {channels.includes('sms') && <Table.Td>{formatCount(step.smsSegments)}</Table.Td>}
                {channels.includes('sms') && <Table.Td>{formatAmount(step.cost, money)}</Table.Td>}
                <Table.Td>{formatDuration(step.sendingSeconds)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {channels.includes('sms') && (
          <Text size="sm" data-testid="review-cost">
            Estimated cost: <b>{formatAmount(review.totalCost, money)}</b> for {countOf(review.totalSegments, 'text segment')} at{' '}
            {formatAmount(review.pricePerSegment, money, 4)} each.{' '}
            {review.budgetCap === null ? 'No budget cap is set.' : `Your budget cap is ${formatAmount(review.budgetCap, money)}.`}
          </Text>
        )}
        {review.overBudget && (
          <Alert color="red" title="Over your budget cap">
            This broadcast would cost more than the cap you set in Settings. Send to fewer clients, shorten the texts, or
            raise the cap.
          </Alert>
        )}
      </SectionCard>
      {review.warnings.length > 0 && (
        <Alert color="yellow" title="Good to know before you launch" data-testid="review-warnings">
          <List size="sm">
            {review.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <TestSends draft={draft} autosave={autosave} />
      <SendingModeNote type={draft.type} />
      <Group justify="flex-end">
        <Button size="md" disabled={blocked} onClick={() => setConfirming(true)} data-testid="launch">
          {review.steps[0]?.schedule ? 'Schedule broadcast' : 'Launch broadcast'}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title={`Launch “${draft.name.trim()}” to ${countOf(review.recipients.total, 'client')}?`}
        confirmLabel={review.steps[0]?.schedule ? 'Schedule' : 'Launch'}
        busy={launching}
        onConfirm={() => void launch()}
        onCancel={() => setConfirming(false)}
      >
        <Text>
          {review.steps.length > 1 ? `${review.steps.length} messages over the days shown` : 'One message'}
          {channels.includes('sms') && `, about ${formatAmount(review.totalCost, money)} in texts`}.{' '}
          {review.steps[0]?.schedule
            ? 'Until a day goes out you can pause or cancel it from the broadcast’s page, and edit it before Day 1.'
            : review.steps.length > 1
              ? 'Day 1 starts going out as soon as you launch; you can pause or cancel the rest from the broadcast’s page.'
              : 'It starts going out as soon as you launch; you can pause or cancel what has not gone yet from the broadcast’s page.'}
        </Text>
        <SendingModeNote type={draft.type} />
      </ConfirmModal>
    </Stack>
  );
}

function TestSends({ draft, autosave }: { draft: BroadcastDraft; autosave: DraftAutosave }) {
  const [busy, setBusy] = useState<string | null>(null);
  const channels = TYPE_CHANNELS[draft.type].filter((channel) => channel !== 'push');
  if (channels.length === 0) return null;
  const send = async (day: number, channel: 'sms' | 'email'): Promise<void> => {
    setBusy(`${day}:${channel}`);
    try {
      const result = await call('broadcasts.testSend', { id: await autosave.flush(), day, channel });
      showToast(result.message);
    } catch (caught) {
      showToast(toApiError(caught).message, 'error');
    } finally {
      setBusy(null);
    }
  };
  return (
    <SectionCard title="Try it on yourself">
      <Text size="sm" c="dimmed">
        A test goes to your own number or email from Settings, with the fallbacks in place of a client’s details.
      </Text>
      <Group gap="xs">
        {draft.steps.map((_, index) =>
          channels.map((channel) => (
            <Button key={`${index}:${channel}`} size="xs" variant="default" loading={busy === `${index + 1}:${channel}`} onClick={() => void send(index + 1, channel as 'sms' | 'email')}>
              {`Send ${draft.steps.length > 1 ? `Day ${index + 1} ` : ''}${channel === 'sms' ? 'text' : 'email'} to me`}
            </Button>
          )),
        )}
      </Group>
    </SectionCard>
  );
}
