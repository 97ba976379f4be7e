// A saved password or token only ever goes where it went before, never in clear text across the
// network, and saving without a check (offline) says so until a check succeeds.
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { startSmtpDouble } from '../doubles/smtp/smtp-double';
import { startTwilioDouble, type TwilioDouble } from '../doubles/twilio/twilio-double';
import { LIVE_CONFIRMATION } from '../../shared/sending';
import { OUR_NUMBER } from '../support/live-sending';
import { mailbox } from '../support/live-sending';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A mail server chosen by a caller: it offers AUTH and records every line a client sends it. */
async function recordingMailServer(): Promise<{ port: number; lines: string[] }> {
  const lines: string[] = [];
  const server: Server = createServer((socket) => {
    socket.write('220 listening\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString().split('\r\n').filter(Boolean)) {
        lines.push(line);
        if (/^EHLO/i.test(line)) socket.write('250-hello\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (/^AUTH/i.test(line)) socket.write('235 accepted\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, lines };
}

async function coreWith(endpoints: { twilioBaseUrl?: string; smtpCa?: string }, dir = tempDir()): Promise<Core> {
  const core = createTestCore(dir.path, { endpoints: { ...endpoints, timeoutMs: 1000 } });
  cleanups.push(() => dir.remove(), () => core.stop());
  return core;
}

const account = (twilio: TwilioDouble) => ({
  accountSid: twilio.accountSid,
  authKind: 'token' as const,
  apiKeySid: null,
  from: OUR_NUMBER,
  messagingServiceSid: null,
  dailyCap: null,
});

describe('a saved mailbox password', () => {
  it('is not sent to another server, port or user, and must be typed again there', async () => {
    const smtp = await startSmtpDouble({ auth: { user: 'salon', pass: 'mail-secret' } });
    cleanups.push(() => smtp.close());
    const core = await coreWith({ smtpCa: smtp.ca });
    await call(core, 'sending.saveSmtp', { ...mailbox(smtp), password: 'mail-secret' });

    const attacker = await recordingMailServer();
    const moved = await callFailing(core, 'sending.saveSmtp', { ...mailbox(smtp), port: attacker.port });
    expect(moved).toMatchObject({ code: 'invalid_input', issues: [{ path: 'password', message: expect.stringContaining('Enter the password again') }] });
    expect(await callFailing(core, 'sending.saveSmtp', { ...mailbox(smtp), user: 'someone-else' })).toMatchObject({ issues: [{ path: 'password' }] });
    expect(attacker.lines.filter((line) => /^AUTH/i.test(line))).toEqual([]);
    expect(attacker.lines.join('\n')).not.toContain(Buffer.from('mail-secret').toString('base64'));
    // The saved settings are unchanged, and the same server still takes the saved password.
    expect((await call(core, 'sending.get', {})).smtp).toMatchObject({ port: smtp.port, user: 'salon', password: { configured: true } });
    await call(core, 'sending.saveSmtp', { ...mailbox(smtp), fromName: 'Salon Élan Paris' });
  });

  it('never crosses the network unencrypted: "no security" is refused unless the server is this computer', async () => {
    const core = await coreWith({});
    const plain = { ...mailbox({ host: '127.0.0.1', port: 2525 }), host: 'mail.example.com', password: 'typed-now' };
    const refused = await callFailing(core, 'sending.saveSmtp', plain);
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ path: 'tls', message: expect.stringContaining('clear text') }] });
    expect((await call(core, 'sending.get', {})).smtp).toBeNull();
  });
});

describe('a saved Twilio secret', () => {
  it('is not reused for another account, and not at another address', async () => {
    const twilio = await startTwilioDouble({ senders: [OUR_NUMBER], clock: { now: () => new Date() } });
    cleanups.push(() => twilio.close());
    const dir = tempDir();
    const core = await coreWith({ twilioBaseUrl: twilio.baseUrl }, dir);
    await call(core, 'sending.saveTwilio', { ...account(twilio), secret: twilio.authToken });
    await call(core, 'sending.setLive', { live: true, confirmation: LIVE_CONFIRMATION });
    expect((await call(core, 'sending.get', {})).channels.sms).toBe('live');
    const before = twilio.requests().length;

    const otherAccount = `AC${'b'.repeat(32)}`;
    const refused = await callFailing(core, 'sending.saveTwilio', { ...account(twilio), accountSid: otherAccount });
    expect(refused).toMatchObject({ issues: [{ path: 'secret', message: expect.stringContaining('Enter the Auth Token again') }] });
    expect(twilio.requests().length).toBe(before);

    // The same data folder, with Twilio's API somewhere else: the saved secret is not sent there.
    await core.stop();
    const elsewhere = await startTwilioDouble({ senders: [OUR_NUMBER], accountSid: twilio.accountSid, authToken: twilio.authToken, clock: { now: () => new Date() } });
    cleanups.push(() => elsewhere.close());
    const moved = createTestCore(dir.path, { endpoints: { twilioBaseUrl: elsewhere.baseUrl, timeoutMs: 1000 } });
    cleanups.push(() => moved.stop());
    expect((await call(moved, 'sending.get', {})).channels.sms).toBe('sandbox');
    expect(await callFailing(moved, 'sending.saveTwilio', account(twilio))).toMatchObject({ issues: [{ path: 'secret' }] });
    await call(moved, 'settings.update', { ownerPhone: '+14155552671' });
    expect(await call(moved, 'sending.test', { provider: 'twilio' })).toMatchObject({ ok: false });
    expect(elsewhere.requests()).toEqual([]);
  });

  it('saved offline says it was not checked, until a check succeeds', async () => {
    const twilio = await startTwilioDouble({ senders: [OUR_NUMBER], clock: { now: () => new Date() } });
    cleanups.push(() => twilio.close());
    const core = await coreWith({ twilioBaseUrl: twilio.baseUrl });
    twilio.failNext({ kind: 'drop' }, { on: 'list' });
    const offline = await call(core, 'sending.saveTwilio', { ...account(twilio), secret: twilio.authToken });
    expect(offline.twilio).toMatchObject({ checkedAt: null, uncheckedReason: 'no connection', secret: { configured: true } });
    expect(JSON.stringify(offline)).not.toContain(twilio.baseUrl);

    await call(core, 'settings.update', { ownerPhone: '+14155552671' });
    expect(await call(core, 'sending.test', { provider: 'twilio' })).toMatchObject({ ok: true });
    expect((await call(core, 'sending.get', {})).twilio).toMatchObject({ checkedAt: expect.any(String), uncheckedReason: null });
  });
});
