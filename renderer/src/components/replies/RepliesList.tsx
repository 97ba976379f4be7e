import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useLiveReplies } from '../../hooks/useLiveReplies';
import { countOf } from '../../lib/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RepliesTable } from './RepliesTable';

const PAGE = 100;
/** The most replies.list gives at once. */
const MOST = 500;

interface RepliesListProps {
  /** Only the replies to this broadcast. */
  broadcastId?: number;
  /** What to show while there is no reply at all. */
  empty: ReactNode;
}

/** Replies, newest first and kept up to date, with more on request. */
export function RepliesList({ broadcastId, empty }: RepliesListProps) {
  const [limit, setLimit] = useState(PAGE);
  const replies = useLiveReplies(limit, broadcastId);
  const { data } = replies;

  if (replies.error) return <ErrorAlert error={replies.error} />;
  if (!data) return <Loader size="sm" aria-label="Loading replies" />;
  if (data.total === 0) return <>{empty}</>;
  const more = data.total - data.replies.length;
  return (
    <Stack gap="sm">
      <RepliesTable replies={data.replies} showBroadcast={broadcastId === undefined} />
      {more > 0 && (
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            Showing the newest {data.replies.length} of {countOf(data.total, 'reply', 'replies')}.
          </Text>
          {limit < MOST && (
            <Button size="compact-sm" variant="default" onClick={() => setLimit((shown) => Math.min(shown + PAGE, MOST))}>
              Show more
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
