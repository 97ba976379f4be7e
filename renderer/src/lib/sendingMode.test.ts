import { describe, expect, it } from 'vitest';
import type { SendingDto } from '../../../shared/sending';
import { channelList, channelWords, confirmationMatches, liveSwitch, modeWords, reachFor } from './sendingMode';

const nothingSetUp: SendingDto = {
  live: false,
  channels: { sms: 'sandbox', email: 'sandbox', push: 'sandbox' },
  twilio: null,
  smtp: null,
  push: null,
  secretsWarning: null,
};

describe('the sending mode banner', () => {
  it('says the sandbox keeps everything on this computer, and live reaches clients', () => {
    expect(modeWords({ live: false })).toMatchObject({ badge: 'SANDBOX', color: 'orange', title: 'Sandbox: nothing leaves this computer' });
    expect(modeWords({ live: true })).toMatchObject({ badge: 'LIVE', color: 'green', title: 'Live: messages reach your clients' });
  });

  it('says where each kind of message goes', () => {
    expect(channelWords('sms', 'live')).toBe('Text messages: sent for real, through your Twilio account.');
    expect(channelWords('email', 'sandbox')).toBe('Emails: practice only, they stay on this computer.');
    expect(channelWords('push', 'off')).toBe(
      'Website notifications: not sent at all, because no notification keys are made yet. Set it up below.',
    );
  });

  it('will not turn live on with nothing real to send through, and says why', () => {
    const off = liveSwitch(nothingSetUp);
    expect(off.canTurnOn).toBe(false);
    expect(off.reason).toMatch(/Set up text messages, email or website notifications/);
    const push = { publicKey: 'B…', subject: 'mailto:me@salon.com', subscriptions: 0 };
    expect(liveSwitch({ ...nothingSetUp, push })).toEqual({ canTurnOn: true, reason: null });
  });

  it('turns live on only for the exact words, whatever the capitals and spaces', () => {
    expect(confirmationMatches('send for real')).toBe(true);
    expect(confirmationMatches('  Send For Real ')).toBe(true);
    expect(confirmationMatches('send for rea')).toBe(false);
    expect(confirmationMatches('send  for real')).toBe(false);
    expect(confirmationMatches('')).toBe(false);
  });
});

describe('what a broadcast reaches', () => {
  it('splits its channels into sent for real and practice only', () => {
    const modes = { sms: 'live', email: 'sandbox', push: 'off' } as const;
    expect(reachFor(['sms', 'email'], modes)).toEqual({ live: ['sms'], practice: ['email'] });
    expect(reachFor(['push'], modes)).toEqual({ live: [], practice: ['push'] });
    // Not known yet: nothing is claimed to go out for real.
    expect(reachFor(['sms'], null)).toEqual({ live: [], practice: ['sms'] });
  });

  it('names them in a list', () => {
    expect(channelList(['sms'])).toBe('texts');
    expect(channelList(['sms', 'email'])).toBe('texts and emails');
    expect(channelList(['sms', 'email', 'push'])).toBe('texts, emails and notifications');
  });
});
