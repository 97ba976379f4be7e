// A core sending for real, through the real clients, to local peers: shared by the live-sending tests.
import type { Core } from '../../electron/core';
import { LIVE_CONFIRMATION } from '../../shared/sending';
import type { SmtpDouble } from '../doubles/smtp/smtp-double';
import type { TwilioDouble } from '../doubles/twilio/twilio-double';
import { call, waitFor } from './test-core';

/** The salon's Twilio number (one of Twilio's magic test senders). */
export const OUR_NUMBER = '+15005550006';

export interface LivePeers {
  twilio?: Pick<TwilioDouble, 'accountSid' | 'authToken'>;
  smtp?: SmtpDouble;
}

/** Send all day in UTC (never in quiet hours), through the given peers, with live sending confirmed. */
export async function goLive(core: Core, peers: LivePeers, rates: { smsPerSecond?: number } = {}): Promise<void> {
  await call(core, 'settings.update', {
    timeZone: 'UTC',
    quietHours: { start: '00:00', end: '23:59' },
    smsPerSecond: rates.smsPerSecond ?? 50,
    emailPerMinute: 600,
    ownerEmail: 'owner@salon.test',
  });
  if (peers.twilio) {
    await call(core, 'sending.saveTwilio', {
      accountSid: peers.twilio.accountSid,
      authKind: 'token',
      apiKeySid: null,
      secret: peers.twilio.authToken,
      from: OUR_NUMBER,
      messagingServiceSid: null,
      dailyCap: null,
    });
  }
  if (peers.smtp) {
    await call(core, 'sending.saveSmtp', {
      host: peers.smtp.host,
      port: peers.smtp.port,
      tls: 'none',
      user: 'salon',
      password: 'mail-secret',
      fromName: 'Salon Élan',
      fromAddress: 'hello@salon.test',
      replyTo: null,
      perDay: null,
    });
  }
  await call(core, 'sending.setLive', { live: true, confirmation: LIVE_CONFIRMATION });
}

/** Distinct numbers libphonenumber accepts as valid US numbers (San Francisco, 415-200-xxxx). */
export function clientPhones(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `+1415${String(2_000_000 + i).padStart(7, '0')}`);
}

/** Create clients who agreed to texts and emails; returns their ids in order. */
export async function addClients(core: Core, clients: Array<{ name: string; phone?: string; email?: string }>): Promise<number[]> {
  const ids: number[] = [];
  for (const client of clients) {
    const created = await call(core, 'contacts.create', { ...client, consent: { sms: 'granted', email: 'granted' } });
    ids.push(created.id);
  }
  return ids;
}

/** Wait until the broadcast completes; `beforeEachLook` runs first on every look (e.g. to move a test clock). */
export function finished(core: Core, id: number, options: { timeoutMs?: number; beforeEachLook?: () => Promise<void> | void } = {}) {
  return waitFor(async () => {
    await options.beforeEachLook?.();
    const broadcast = await call(core, 'broadcasts.get', { id });
    return broadcast.status === 'completed' ? broadcast : undefined;
  }, options.timeoutMs ?? 20_000);
}
