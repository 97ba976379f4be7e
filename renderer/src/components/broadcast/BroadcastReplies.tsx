import { EmptyState } from '../ui/EmptyState';
import { RepliesList } from '../replies/RepliesList';

/** Texts clients sent back after this broadcast. */
export function BroadcastReplies({ broadcastId }: { broadcastId: number }) {
  return (
    <RepliesList
      broadcastId={broadcastId}
      empty={
        <EmptyState
          title="No replies to this broadcast yet"
          description="When a client texts your salon’s number back after getting this broadcast, their message appears here as soon as it arrives. All replies are also on the Replies page."
        />
      }
    />
  );
}
