import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import type { AudienceSummaryDto, Channel, ChannelReach } from '../../../shared/dto';
import type { CallState } from '../hooks/useCall';
import { CHANNEL_WORDS, leftOutSentence } from '../lib/consent';
import { countOf } from '../lib/format';
import { navigate } from '../stores/navigation';
import { ErrorAlert } from './ErrorAlert';

const goToContacts = (): void => navigate({ page: 'contacts' });

/** Who a broadcast on the chosen channel would reach, and who it leaves out and why. */
export function BroadcastReach({ audience, channel }: { audience: CallState<AudienceSummaryDto>; channel: Channel }) {
  if (audience.error) return <ErrorAlert error={audience.error} />;
  if (!audience.data) return <Loader size="sm" aria-label="Counting your clients" />;

  const { matched } = audience.data;
  const reach = audience.data[channel];
  const leftOut = leftOutSentence(reach, channel);
  const words = CHANNEL_WORDS[channel];

  if (reach.reachable === 0) return <NobodyToSendTo matched={matched} channel={channel} reach={reach} />;
  return (
    <Stack gap={2} data-testid="broadcast-reach">
      <Text fw={500}>Will go to {countOf(reach.reachable, 'client')}</Text>
      {leftOut && (
        <Text size="sm" c="dimmed">
          {leftOut} Only clients who agreed to {words.messages} get them.
        </Text>
      )}
    </Stack>
  );
}

function NobodyToSendTo({ matched, channel, reach }: { matched: number; channel: Channel; reach: ChannelReach }) {
  const words = CHANNEL_WORDS[channel];
  const leftOut = leftOutSentence(reach, channel);
  const [title, action] =
    matched === 0
      ? ['You have no clients yet', 'Add your clients']
      : [`None of your clients can get ${words.messages} yet`, 'Go to your clients'];
  const advice = [
    matched === 0 && 'Add your clients first, then come back here.',
    reach.noAddress > 0 && `Add ${words.addresses} to your clients.`,
    reach.noConsent > 0 &&
      `Clients get ${words.messages} only after agreeing to them: when a client says yes, record it on their page with “Opt in to ${words.messages}”, or state it when you import your list.`,
    reach.optedOut > 0 && reach.optedOut === matched && `Every client has opted out of ${words.messages}.`,
  ].filter((line): line is string => typeof line === 'string');
  return (
    <Alert color="yellow" title={title}>
      <Stack gap="sm" align="flex-start">
        {leftOut && <Text size="sm">{leftOut}</Text>}
        {advice.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
        <Button size="xs" variant="default" onClick={goToContacts}>
          {action}
        </Button>
      </Stack>
    </Alert>
  );
}
