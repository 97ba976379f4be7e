// Settings -> Sending in words: sandbox or live, where each kind of message goes, and whether live
// sending can be turned on yet.
import { LIVE_CONFIRMATION, type SendingDto } from '../../../shared/sending';

export type SendingChannel = keyof SendingDto['channels'];
export const SENDING_CHANNELS: readonly SendingChannel[] = ['sms', 'email', 'push'];

/** What each kind of message is called in the banner. */
export const CHANNEL_NAMES: Record<SendingChannel, string> = {
  sms: 'Text messages',
  email: 'Emails',
  push: 'Website notifications',
};

export interface ModeWords {
  /** "SANDBOX" or "LIVE", as the header badge says it. */
  badge: string;
  title: string;
  description: string;
  color: 'orange' | 'green';
}

export function modeWords(sending: Pick<SendingDto, 'live'>): ModeWords {
  return sending.live
    ? {
        badge: 'LIVE',
        title: 'Live: messages reach your clients',
        description:
          'Broadcasts you launch are sent for real through the services set up below, and your providers charge you for them.',
        color: 'green',
      }
    : {
        badge: 'SANDBOX',
        title: 'Sandbox: nothing leaves this computer',
        description:
          'Messages are only pretend-sent on this computer, so you can practise safely. No client receives anything and nothing is charged.',
        color: 'orange',
      };
}

/** Where one kind of message goes right now, e.g. "Text messages: sent for real through Twilio". */
export function channelWords(channel: SendingChannel, where: SendingDto['channels'][SendingChannel]): string {
  const name = CHANNEL_NAMES[channel];
  switch (where) {
    case 'live':
      return `${name}: sent for real, through ${PROVIDER_NAMES[channel]}.`;
    case 'sandbox':
      return `${name}: practice only, they stay on this computer.`;
    case 'off':
      return `${name}: not sent at all, because ${NOT_SET_UP[channel]}. Set it up below.`;
  }
}

const PROVIDER_NAMES: Record<SendingChannel, string> = {
  sms: 'your Twilio account',
  email: 'your mailbox',
  push: 'your clients’ web browsers',
};

const NOT_SET_UP: Record<SendingChannel, string> = {
  sms: 'Twilio is not set up yet',
  email: 'no mailbox is set up yet',
  push: 'no notification keys are made yet',
};

export interface LiveSwitch {
  /** False when there is nothing real to send through. */
  canTurnOn: boolean;
  /** Why it cannot be turned on; null when it can. */
  reason: string | null;
}

/** Live sending needs at least one real way to send: Twilio, a mailbox or push keys. */
export function liveSwitch(sending: Pick<SendingDto, 'twilio' | 'smtp' | 'push'>): LiveSwitch {
  const anyProvider = sending.twilio !== null || sending.smtp !== null || sending.push !== null;
  return anyProvider
    ? { canTurnOn: true, reason: null }
    : {
        canTurnOn: false,
        reason:
          'Set up text messages, email or website notifications below first: until one is set up, there is nothing real to send through.',
      };
}

/** True when the owner typed the words that turn live sending on (any capitals, spaces around). */
export function confirmationMatches(typed: string): boolean {
  return typed.trim().toLowerCase() === LIVE_CONFIRMATION;
}

/** Which of a broadcast's channels go out for real, and which stay on this computer. */
export function reachFor(channels: readonly SendingChannel[], modes: SendingDto['channels'] | null): { live: SendingChannel[]; practice: SendingChannel[] } {
  const live = channels.filter((channel) => modes?.[channel] === 'live');
  return { live, practice: channels.filter((channel) => !live.includes(channel)) };
}

const PLURALS: Record<SendingChannel, string> = { sms: 'texts', email: 'emails', push: 'notifications' };

/** "texts and emails", "notifications". */
export function channelList(channels: readonly SendingChannel[]): string {
  const words = channels.map((channel) => PLURALS[channel]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
