import { Group, Stack } from '@mantine/core';
import type { ConsentChannel } from '../../../../shared/contacts';
import type { ContactDto } from '../../../../shared/dto';
import { CHANNEL_WORDS, reachOf, reachSentence, type Reach } from '../../lib/consent';
import { MiniBadge, type MiniBadgeTone } from '../ui/MiniBadge';

const LOOKS: Record<Reach, { mark: string; tone: MiniBadgeTone }> = {
  reachable: { mark: '✓', tone: 'green' },
  no_consent: { mark: '?', tone: 'gray' },
  opted_out: { mark: 'opted out', tone: 'red' },
  no_address: { mark: '—', tone: 'outline' },
};

type Reachable = Pick<ContactDto, 'phone' | 'email' | 'consent'>;

/** One channel at a glance: "SMS ✓", "Email ?", "SMS opted out"; hovering says why. */
export function ConsentBadge({ contact, channel }: { contact: Reachable; channel: ConsentChannel }) {
  const reach = reachOf(contact, channel);
  const look = LOOKS[reach];
  const sentence = reachSentence(reach, channel);
  return (
    <MiniBadge tone={look.tone} title={sentence} aria-label={`${CHANNEL_WORDS[channel].short}: ${sentence}`}>
      {CHANNEL_WORDS[channel].short} {look.mark}
    </MiniBadge>
  );
}

const MESSAGE_CHANNELS = ['sms', 'email'] as const;

/** Texts and emails side by side (or stacked, in a narrow table cell). */
export function ConsentBadges({ contact, stacked = false }: { contact: Reachable; stacked?: boolean }) {
  const badges = MESSAGE_CHANNELS.map((channel) => <ConsentBadge key={channel} contact={contact} channel={channel} />);
  return stacked ? (
    <Stack gap={2} align="flex-start">
      {badges}
    </Stack>
  ) : (
    <Group gap={4} wrap="nowrap">
      {badges}
    </Group>
  );
}
