// A core sending for real, through the real clients, to local peers: shared by the live-sending tests.
import type { Core, CoreOptions } from '../../electron/core';
import { LIVE_CONFIRMATION } from '../../shared/sending';
import type { SmtpDouble } from '../doubles/smtp/smtp-double';
import { startTwilioDouble, type TwilioDouble, type TwilioDoubleOptions } from '../doubles/twilio/twilio-double';
import { call, createTestCore, tempDir, waitFor } from './test-core';

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
  if (peers.twilio) await saveTwilioAccount(core, peers.twilio);
  if (peers.smtp) await call(core, 'sending.saveSmtp', { ...mailbox(peers.smtp), password: 'mail-secret' });
  await call(core, 'sending.setLive', { live: true, confirmation: LIVE_CONFIRMATION });
}

/** The SMTP double's mailbox as sending.saveSmtp takes it, without the password. */
export function mailbox(smtp: Pick<SmtpDouble, 'host' | 'port'>) {
  return {
    host: smtp.host,
    port: smtp.port,
    tls: 'none' as const,
    user: 'salon',
    fromName: 'Salon Élan',
    fromAddress: 'hello@salon.test',
    replyTo: null,
    perDay: null,
  };
}

/** Save the Twilio account, checked against whichever Twilio the core's endpoints point at. */
export async function saveTwilioAccount(core: Core, twilio: { accountSid: string; authToken: string }): Promise<void> {
  await call(core, 'sending.saveTwilio', {
    accountSid: twilio.accountSid,
    authKind: 'token',
    apiKeySid: null,
    secret: twilio.authToken,
    from: OUR_NUMBER,
    messagingServiceSid: null,
    dailyCap: null,
  });
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

/** A clock both the core and the double read, moved by the test. */
export function testClock(start: Date) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => void (now += ms),
    set: (at: Date) => void (now = at.getTime()),
  };
}
export type TestClock = ReturnType<typeof testClock>;

export interface LiveTwilioOptions {
  clock?: TestClock;
  twilio?: TwilioDoubleOptions;
  smsPerSecond?: number;
  core?: Partial<CoreOptions>;
}

/** A core sending live through the Twilio double; both are closed by the cleanups the test runs. */
export async function startLiveTwilio(cleanups: Array<() => Promise<void> | void>, options: LiveTwilioOptions = {}) {
  const twilio = await startTwilioDouble({ senders: [OUR_NUMBER], statusStepMs: 20, clock: options.clock ?? { now: () => new Date() }, ...options.twilio });
  const dir = tempDir();
  const core = createTestCore(dir.path, {
    endpoints: { twilioBaseUrl: twilio.baseUrl, timeoutMs: 1000 },
    ...(options.clock && { clock: options.clock }),
    ...options.core,
  });
  cleanups.push(
    () => twilio.close(),
    () => dir.remove(),
    () => core.stop(),
  );
  await goLive(core, { twilio }, { smsPerSecond: options.smsPerSecond ?? 50 });
  return { twilio, core, dbPath: `${dir.path}/salon.db` };
}

/** Clients named Client 1, Client 2… with these numbers, who agreed to texts. */
export async function clientsWith(core: Core, numbers: string[]): Promise<number[]> {
  return addClients(
    core,
    numbers.map((phone, i) => ({ name: `Client ${i + 1}`, phone })),
  );
}

/** How many texts the double took for each number. */
export function receivedPerNumber(twilio: TwilioDouble): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of twilio.messages('outbound-api')) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
  return counts;
}
