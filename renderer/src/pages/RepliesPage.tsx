import { Stack } from '@mantine/core';
import { useEffect } from 'react';
import type { SendingDto } from '../../../shared/sending';
import { EmptyState } from '../components/ui/EmptyState';
import { PageHeader } from '../components/ui/PageHeader';
import { RepliesList } from '../components/replies/RepliesList';
import { navigate } from '../stores/navigation';
import { useReplies } from '../stores/replies';
import { useSending } from '../stores/sending';

export function RepliesPage() {
  const unseen = useReplies((state) => state.unseen);
  const sending = useSending((state) => state.sending);

  // Replies that arrive while the page is open are seen at once.
  useEffect(() => {
    useReplies.getState().markSeen();
  }, [unseen]);
  useEffect(() => {
    if (!useSending.getState().sending) void useSending.getState().load();
  }, []);

  const empty = emptyWords(sending);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Replies"
        description="Texts your clients sent to your salon’s number, newest first. A reply of STOP or START changes whether they get your texts."
      />
      <RepliesList
        empty={
          <EmptyState
            title="No replies yet"
            description={empty.description}
            action={empty.action ? { label: empty.action, onClick: () => navigate({ page: 'settings', section: 'sending' }) } : undefined}
          />
        }
      />
    </Stack>
  );
}

const ANSWERED =
  'When clients text your salon’s number back, their messages appear here, with a link to the client. Someone who replies STOP gets no more texts, and START lets them back in; both are marked here.';

/** Why there is nothing yet, and the way forward when replies cannot come in at all. */
function emptyWords(sending: SendingDto | null): { description: string; action: string | null } {
  if (sending && !sending.twilio) {
    return {
      description: `${ANSWERED} Replies come in through Twilio, so set up text messages first.`,
      action: 'Set up text messages',
    };
  }
  if (sending && !sending.live) {
    return {
      description: `${ANSWERED} Replies are collected from Twilio while live sending is on; in the sandbox nobody can reply.`,
      action: 'Open Settings → Sending',
    };
  }
  return { description: ANSWERED, action: null };
}
