import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../../../shared/contacts';
import type { ContactDto } from '../../../../shared/dto';
import { reachOf, reachSentence } from '../../lib/consent';
import { consentActionLabel, type ConsentChange } from './ConsentChangeModal';
import { ConsentBadge } from './ConsentBadges';
import { SmsUnusableNotice } from './SmsUnusableNotice';

interface ContactReachProps {
  contact: ContactDto;
  onChangeConsent(change: ConsentChange): void;
  /** The number was marked usable for texts again. */
  onChanged(): void;
}

/** Per channel: can marketing reach this client, why not, and the button to record a change. */
export function ContactReach({ contact, onChangeConsent, onChanged }: ContactReachProps) {
  return (
    <Stack gap="xs">
      {CONSENT_CHANNELS.map((channel) => (
        <ChannelRow key={channel} contact={contact} channel={channel} onChangeConsent={onChangeConsent} onChanged={onChanged} />
      ))}
    </Stack>
  );
}

function ChannelRow({ contact, channel, onChangeConsent, onChanged }: ContactReachProps & { channel: ConsentChannel }) {
  const reach = reachOf(contact, channel);
  // Consent given, but the number was found unable to get texts: that, not the consent, is the news.
  const unusable = channel === 'sms' ? contact.smsUnusable : null;
  const current = contact.consent[channel];
  const status = current === 'granted' ? 'opted_out' : 'granted';
  // Nobody can be sent app notifications yet, so agreeing to them changes nothing; opting out still counts.
  const offered = channel !== 'push' || status === 'opted_out';
  return (
    <Paper withBorder radius="md" p="sm" bg={reach === 'opted_out' || unusable ? 'var(--mantine-color-red-light)' : undefined}>
      <Group justify="space-between" wrap="nowrap" align="center">
        <Stack gap={4} align="flex-start">
          <ConsentBadge contact={contact} channel={channel} />
          {!(unusable && reach === 'reachable') && <Text size="sm">{reachSentence(reach, channel)}</Text>}
          {unusable && <SmsUnusableNotice contactId={contact.id} unusable={unusable} onCleared={onChanged} />}
        </Stack>
        {offered && (
          <Button
            size="xs"
            variant={status === 'opted_out' ? 'subtle' : 'light'}
            color={status === 'opted_out' ? 'red' : undefined}
            onClick={() => onChangeConsent({ contact, channel, status })}
            style={{ flexShrink: 0 }}
          >
            {consentActionLabel({ channel, status, from: current })}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
