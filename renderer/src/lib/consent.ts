// Who can be sent marketing on which channel, and why not, in the owner's words.
// Mirrors the core's rule: an address and consent the client gave; an opt-out always wins.
import type { ConsentChannel, ConsentStatus } from '../../../shared/contacts';
import type { ChannelReach, ContactDto } from '../../../shared/dto';
import { formatCount } from './format';

export type Reach = 'reachable' | 'opted_out' | 'no_consent' | 'no_address';

interface ChannelWords {
  /** On badges: "SMS". */
  short: string;
  /** What the client gets: "texts". */
  messages: string;
  /** Why a client without the address cannot be reached: "no mobile number". */
  missing: string;
  /** The address itself, in the plural: "mobile numbers". */
  addresses: string;
  /** What is needed to reach them: "a mobile number". */
  address: string;
}

export const CHANNEL_WORDS: Record<ConsentChannel, ChannelWords> = {
  sms: { short: 'SMS', messages: 'texts', missing: 'no mobile number', addresses: 'mobile numbers', address: 'a mobile number' },
  email: { short: 'Email', messages: 'emails', missing: 'no email address', addresses: 'email addresses', address: 'an email address' },
  push: { short: 'Push', messages: 'app notifications', missing: 'notifications not turned on', addresses: 'notifications', address: 'notifications turned on' },
};

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  granted: 'Agreed',
  unknown: 'Not stated',
  opted_out: 'Opted out',
};

function hasAddress(contact: Pick<ContactDto, 'phone' | 'email'>, channel: ConsentChannel): boolean {
  if (channel === 'sms') return contact.phone !== null;
  if (channel === 'email') return contact.email !== null;
  // Push subscriptions arrive with web push; until then nobody has one.
  return false;
}

export function reachOf(contact: Pick<ContactDto, 'phone' | 'email' | 'consent'>, channel: ConsentChannel): Reach {
  const status = contact.consent[channel];
  if (status === 'opted_out') return 'opted_out';
  if (!hasAddress(contact, channel)) return 'no_address';
  return status === 'granted' ? 'reachable' : 'no_consent';
}

/** One sentence on whether marketing on `channel` reaches this client, and why not. */
export function reachSentence(reach: Reach, channel: ConsentChannel): string {
  const { messages, missing } = CHANNEL_WORDS[channel];
  switch (reach) {
    case 'reachable':
      return `Agreed to get ${messages}.`;
    case 'opted_out':
      return `Opted out: will not get ${messages}.`;
    case 'no_consent':
      return `Will not get ${messages}: no consent given yet.`;
    case 'no_address':
      return `Will not get ${messages}: ${missing}.`;
  }
}

export function leftOutCount({ optedOut, noConsent, noAddress }: ChannelReach): number {
  return optedOut + noConsent + noAddress;
}

/** Who a message on `channel` leaves out and why, e.g. "5 left out: 3 without consent, 2 opted out". Null for nobody. */
export function leftOutSentence(reach: ChannelReach, channel: ConsentChannel): string | null {
  const parts = [
    reach.noConsent > 0 && `${formatCount(reach.noConsent)} without consent`,
    reach.optedOut > 0 && `${formatCount(reach.optedOut)} opted out`,
    reach.noAddress > 0 && `${formatCount(reach.noAddress)} without ${CHANNEL_WORDS[channel].address}`,
  ].filter((part): part is string => typeof part === 'string');
  return parts.length === 0 ? null : `${formatCount(leftOutCount(reach))} left out: ${parts.join(', ')}.`;
}
