import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { startPushDouble, type PushDouble } from '../doubles/push/push-double';
import { startSmtpDouble, type SmtpDouble } from '../doubles/smtp/smtp-double';
import { startTwilioDouble, type TwilioDouble } from '../doubles/twilio/twilio-double';
import { createBroadcast } from '../support/broadcasts';
import { addClients, finished, goLive, OUR_NUMBER } from '../support/live-sending';
import { call, callFailing, createTestCore, tempDir, waitFor } from '../support/test-core';

// Live sending through the real twilio, nodemailer and web-push clients, against local peers.

const ANA = '+14155552671';
const BO = '+14155552600';
const CY = '+14155552601';
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Peers {
  twilio: TwilioDouble;
  smtp: SmtpDouble;
  push: PushDouble;
}

async function livePeers(): Promise<Peers> {
  const twilio = await startTwilioDouble({ senders: [OUR_NUMBER], statusStepMs: 20, clock: { now: () => new Date() } });
  const smtp = await startSmtpDouble({ auth: { user: 'salon', pass: 'mail-secret' } });
  const push = await startPushDouble();
  cleanups.push(() => twilio.close(), () => smtp.close(), () => push.close());
  return { twilio, smtp, push };
}

async function liveCore(peers: Peers): Promise<Core> {
  const dir = tempDir();
  const core = createTestCore(dir.path, {
    endpoints: { twilioBaseUrl: peers.twilio.baseUrl, smtpCa: peers.smtp.ca, pushAgent: peers.push.agent, allowLoopbackPush: true, timeoutMs: 1000 },
  });
  cleanups.push(() => dir.remove(), () => core.stop());
  await goLive(core, peers);
  return core;
}

async function deliveriesOf(core: Core, id: number) {
  return (await call(core, 'broadcasts.deliveries', { id, limit: 100 })).deliveries;
}

describe('live texts through Twilio', () => {
  it('sends once each, follows statuses by listing, records the price, and opts out a client Twilio reports as 21610', async () => {
    const peers = await livePeers();
    const core = await liveCore(peers);
    const [, , cy] = await addClients(core, [
      { name: 'Ana Lima', phone: ANA },
      { name: 'Bo Chen', phone: BO },
      { name: 'Cy Park', phone: CY },
    ]);
    peers.twilio.rejectNumber(CY, 21610);
    const settings = await call(core, 'sending.get', {});
    expect(settings.channels.sms).toBe('live');
    expect(JSON.stringify(settings)).not.toContain(peers.twilio.authToken);
    expect(settings.twilio?.secret).toEqual({ configured: true, last4: peers.twilio.authToken.slice(-4) });

    const draft = await createBroadcast(core, { name: 'Spring', body: 'Hi {{firstName}}, spring colours are in' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    const done = await finished(core, draft.id);

    expect(done.stats).toMatchObject({ recipients: 3, delivered: 2, failed: 1, pending: 0 });
    const sent = peers.twilio.messages('outbound-api');
    expect(sent.map((m) => m.to).sort()).toEqual([ANA, BO].sort());
    expect(sent.find((m) => m.to === ANA)?.body).toBe('Hi Ana, spring colours are in\nReply STOP to opt out');
    for (const message of sent) expect(Number(peers.twilio.createParams(message.sid)?.ValidityPeriod)).toBeGreaterThan(0);
    expect(done.stats.cost).toBeCloseTo(2 * 0.0079, 6); // Twilio's price replaces the estimate
    expect(peers.twilio.requestCounts().list).toBeGreaterThan(0);

    const failed = (await deliveriesOf(core, draft.id)).find((d) => d.status === 'failed');
    expect(failed).toMatchObject({ address: CY, errorCode: '21610', errorMessage: expect.stringContaining('opted out') });
    const client = await call(core, 'contacts.get', { id: cy ?? 0 });
    expect(client.consent.sms).toBe('opted_out');
    expect(client.consentHistory[0]).toMatchObject({ channel: 'sms', status: 'opted_out', source: expect.stringContaining('21610') });
    peers.twilio.expectNoViolations();
  });

  it('a STOP reply before the send: stored as a reply, the client opted out, and nothing sent to them', async () => {
    const peers = await livePeers();
    const core = await liveCore(peers);
    const [ana] = await addClients(core, [
      { name: 'Ana Lima', phone: ANA },
      { name: 'Bo Chen', phone: BO },
    ]);
    const draft = await createBroadcast(core, { name: 'Offer', body: 'Half price blow-dry' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    peers.twilio.addInbound({ from: ANA, body: 'Stop' });
    core.start();
    const done = await finished(core, draft.id);

    expect(done.stats).toMatchObject({ delivered: 1, skipped: 1 });
    expect(peers.twilio.messages('outbound-api').map((m) => m.to)).toEqual([BO]);
    const replies = await call(core, 'replies.list', {});
    expect(replies.replies).toEqual([expect.objectContaining({ from: ANA, body: 'Stop', action: 'opt_out', contactName: 'Ana Lima' })]);
    const client = await call(core, 'contacts.get', { id: ana ?? 0 });
    expect(client.consent.sms).toBe('opted_out');
    peers.twilio.expectNoViolations();
  });

  it('a send that timed out is found at Twilio by listing and adopted, never sent twice', async () => {
    const peers = await livePeers();
    const core = await liveCore(peers);
    await addClients(core, [{ name: 'Ana Lima', phone: ANA }]);
    peers.twilio.failNext({ kind: 'hang', store: true }, { on: 'create' });
    const draft = await createBroadcast(core, { name: 'Lost answer', body: 'Your appointment is tomorrow' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    const done = await finished(core, draft.id);

    expect(done.stats).toMatchObject({ delivered: 1, unknown: 0 });
    expect(peers.twilio.messages('outbound-api')).toHaveLength(1);
    peers.twilio.expectNoViolations();
  });

  it('an identical text sent a minute earlier is not mistaken for one whose answer was lost', async () => {
    const peers = await livePeers();
    const core = await liveCore(peers);
    await addClients(core, [{ name: 'Ana Lima', phone: ANA }]);
    core.start();
    const first = await createBroadcast(core, { name: 'Reminder', body: 'See you tomorrow at ten' });
    await call(core, 'broadcasts.launch', { id: first.id });
    await finished(core, first.id);
    peers.twilio.failNext({ kind: 'hang' }, { on: 'create' }); // never reaches Twilio
    const second = await createBroadcast(core, { name: 'Reminder again', body: 'See you tomorrow at ten' });
    await call(core, 'broadcasts.launch', { id: second.id });
    const done = await finished(core, second.id);

    expect(done.stats).toMatchObject({ delivered: 1, unknown: 0 });
    // Adopting the first text's id would have left Ana with one text for two broadcasts.
    expect(peers.twilio.messages('outbound-api')).toHaveLength(2);
    peers.twilio.expectNoViolations();
  });

  it('429 with Retry-After: waits, then sends once', async () => {
    const peers = await livePeers();
    const core = await liveCore(peers);
    await addClients(core, [{ name: 'Ana Lima', phone: ANA }]);
    peers.twilio.failNext({ kind: 'rate-limit', retryAfterSeconds: 1 }, { on: 'create' });
    const draft = await createBroadcast(core, { name: 'Busy', body: 'New stylist starting Monday' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    const done = await finished(core, draft.id);

    expect(done.stats).toMatchObject({ delivered: 1, failed: 0 });
    expect(peers.twilio.messages('outbound-api')).toHaveLength(1);
    expect(peers.twilio.requests().filter((r) => r.kind === 'create').map((r) => r.outcome)).toEqual([429, 201]);
    peers.twilio.expectNoViolations();
  });
});

describe('Send a test', () => {
  it('says in plain words whether each provider works, without printing a push address', async () => {
    const peers = await livePeers();
    const core = await liveCore(peers);
    await call(core, 'settings.update', { ownerPhone: ANA });
    expect(await call(core, 'sending.test', { provider: 'twilio' })).toEqual({ ok: true, message: `It worked: a test text went to ${ANA}.` });
    expect(peers.twilio.messages('outbound-api').map((m) => m.to)).toEqual([ANA]);
    expect(await call(core, 'sending.test', { provider: 'smtp' })).toEqual({ ok: true, message: 'It worked: a test email went to owner@salon.test.' });

    await call(core, 'sending.generatePushKeys', {});
    await addClients(core, [{ name: 'Ana Lima', email: 'ana@clients.test' }]);
    const subscription = { ...peers.push.subscriptionFor('ana'), email: 'ana@clients.test' };
    await call(core, 'sending.importSubscriptions', { format: 'json', text: JSON.stringify([subscription]) });
    const push = await call(core, 'sending.test', { provider: 'push' });
    expect(push).toEqual({ ok: true, message: 'It worked: a test notification went to the newest subscribed browser.' });
    expect(peers.push.receivedFor('ana')).toHaveLength(1);

    // Credentials Twilio refuses are not saved: the working ones stay.
    const wrong = await callFailing(core, 'sending.saveTwilio', {
      accountSid: peers.twilio.accountSid,
      authKind: 'token',
      apiKeySid: null,
      secret: 'not-the-token',
      from: OUR_NUMBER,
      messagingServiceSid: null,
      dailyCap: null,
    });
    expect(wrong).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'secret', message: 'Twilio refused these details: copy the Account SID and the Auth Token again from your Twilio Console.' }],
    });
    expect((await call(core, 'sending.get', {})).twilio?.secret.last4).toBe(peers.twilio.authToken.slice(-4));
    const { checkedAt: _checkedAt, uncheckedReason: _reason, password: _saved, ...smtp } = (await call(core, 'sending.get', {})).smtp ?? { password: null };
    const wrongMail = await callFailing(core, 'sending.saveSmtp', { ...smtp, password: 'not-the-password' });
    expect(wrongMail).toMatchObject({ issues: [{ path: 'password', message: 'The mail server refused this user name and password.' }] });
    expect(await call(core, 'sending.test', { provider: 'smtp' })).toMatchObject({ ok: true });
    expect(await call(core, 'sending.test', { provider: 'twilio' })).toMatchObject({ ok: true });
    expect(peers.twilio.messages('outbound-api')).toHaveLength(2);
  });
});

describe('live email through SMTP', () => {
  it('an email cut off after DATA stays unknown and is not resent until the owner says so', async () => {
    const peers = await livePeers();
    const core = await liveCore(peers);
    await addClients(core, [{ name: 'Ana Lima', email: 'ana@clients.test' }]);
    peers.smtp.dropNextAfterData();
    const draft = await createBroadcast(core, { name: 'News', type: 'email', subject: 'Spring news', body: 'Hello **{{firstName}}**' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    const cutOff = await waitFor(async () => {
      const broadcast = await call(core, 'broadcasts.get', { id: draft.id });
      return broadcast.stats.unknown === 1 ? broadcast : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await core.catchUp();
    expect((await call(core, 'broadcasts.get', { id: draft.id })).stats.unknown).toBe(1);
    expect(peers.smtp.messages).toHaveLength(1);
    expect(peers.smtp.messages[0]?.raw).toMatch(/^List-Unsubscribe: <mailto:hello@salon\.test\?subject=unsubscribe>/im);

    const [unknown] = await call(core, 'broadcasts.deliveries', { id: cutOff.id, status: 'unknown', limit: 10 }).then((r) => r.deliveries);
    await call(core, 'broadcasts.resendUnknown', { deliveryId: unknown?.id ?? 0 });
    const done = await finished(core, draft.id);
    expect(done.stats).toMatchObject({ delivered: 1, unknown: 0 });
    // Two copies now: the cut-off one may have arrived, and the owner chose to send again knowingly.
    expect(peers.smtp.messages.map((m) => m.outcome)).toEqual(['dropped', 'accepted']);
  });
});

describe('live web push', () => {
  it('a 410 from the push service removes the subscription and fails only that message', async () => {
    const peers = await livePeers();
    const core = await liveCore(peers);
    await call(core, 'sending.generatePushKeys', {});
    await addClients(core, [
      { name: 'Ana Lima', email: 'ana@clients.test' },
      { name: 'Bo Chen', email: 'bo@clients.test' },
    ]);
    const rows = [
      { ...peers.push.subscriptionFor('ana'), email: 'ana@clients.test' },
      { ...peers.push.subscriptionFor('bo'), email: 'bo@clients.test' },
    ];
    const imported = await call(core, 'sending.importSubscriptions', { format: 'json', text: JSON.stringify(rows) });
    expect(imported).toMatchObject({ linked: 2, unmatched: [], invalid: [] });
    for (const { id } of (await call(core, 'contacts.list', {})).contacts) {
      await call(core, 'contacts.setConsent', { id, channel: 'push', status: 'granted', reason: 'Subscribed on the website' });
    }
    peers.push.markGone('bo', 410);
    const draft = await call(core, 'broadcasts.saveDraft', {
      draft: {
        name: 'Push',
        type: 'push',
        audience: { segmentId: null, filter: { kind: 'group', match: 'all', conditions: [] } },
        steps: [{ sms: { body: '', optOutLine: true }, email: { subject: '', body: '' }, push: { title: 'Salon', body: 'Hi {{firstName}}', url: 'https://salon.test' }, sendAt: null }],
      },
    });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    const done = await finished(core, draft.id);

    expect(done.stats).toMatchObject({ delivered: 1, failed: 1 });
    expect(peers.push.receivedFor('ana').map((p) => JSON.parse(p.text))).toEqual([{ title: 'Salon', body: 'Hi Ana', url: 'https://salon.test' }]);
    expect((await call(core, 'sending.get', {})).push?.subscriptions).toBe(1);
  });
});
