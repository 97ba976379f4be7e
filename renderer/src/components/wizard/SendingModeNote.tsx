import { Alert } from '@mantine/core';
import { TYPE_CHANNELS, type BroadcastType } from '../../../../shared/broadcasts';
import { channelList, reachFor } from '../../lib/sendingMode';
import { useSending } from '../../stores/sending';

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Before launch: whether this broadcast's messages reach clients for real or stay on this computer. */
export function SendingModeNote({ type }: { type: BroadcastType }) {
  const modes = useSending((state) => state.sending?.channels ?? null);
  const { live, practice } = reachFor(TYPE_CHANNELS[type], modes);
  if (live.length === 0) {
    return (
      <Alert color="orange" title="Sandbox">
        Nothing really leaves this computer: messages are simulated, so no client gets them.
      </Alert>
    );
  }
  return (
    <Alert color="red" title="Sent for real" data-testid="live-note">
      {capitalised(channelList(live))} go to your clients for real once you launch, and your provider charges for them.
      {practice.length > 0 && ` ${capitalised(channelList(practice))} stay practice-only on this computer, as no provider is set up for them.`}
    </Alert>
  );
}
