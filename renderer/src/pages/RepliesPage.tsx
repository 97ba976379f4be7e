import { Stack } from '@mantine/core';
import { useEffect } from 'react';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
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

  const noTexting = sending !== null && sending.twilio === null;
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
            description={
              noTexting
                ? 'When clients text your salon’s number back, their messages appear here. Replies can only come in once text messages are set up with Twilio in Settings → Sending.'
                : 'When clients text your salon’s number back, their messages appear here, with a link to the client. Someone who replies STOP gets no more texts, and START lets them back in; both are marked here.'
            }
            action={noTexting ? { label: 'Set up text messages', onClick: () => navigate({ page: 'settings', section: 'sending' }) } : undefined}
          />
        }
      />
    </Stack>
  );
}
