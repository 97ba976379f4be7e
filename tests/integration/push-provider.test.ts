import { Agent, createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import webpush from 'web-push';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage, Provider } from '../../electron/core/providers/provider';
import { createPushProvider, MAX_PUSH_PAYLOAD_BYTES, PUSH_TTL_SECONDS } from '../../electron/core/providers/push/push-provider';
import { generateVapidKeys, vapidSubject } from '../../electron/core/push/vapid';
import { startPushDouble, type PushDouble } from '../doubles/push/push-double';
import { createSelfSignedCert } from '../doubles/tls/self-signed-cert';

const URL_OPENED = 'https://salon.example.test/offers/spring';

describe('push provider through web-push', () => {
  const vapidKeys = generateVapidKeys();
  const vapid = { subject: vapidSubject('Owner@Salon.example.test'), ...vapidKeys };
  let push: PushDouble;
  let gone: string[];
  let provider: Provider;

  beforeEach(async () => {
    push = await startPushDouble();
    gone = [];
    provider = createPushProvider({ vapid, agent: push.agent, allowLoopback: true, timeoutMs: 5_000, onGone: (endpoint) => gone.push(endpoint) });
  });
  afterEach(async () => {
    await push.close();
  });

  function messageTo(endpoint: string, keys: { p256dh: string; auth: string }, text = 'Zoë, -20 % this weekend 💇'): OutgoingMessage {
    return { key: 'd-1', channel: 'push', to: endpoint, subject: 'Spring offer', body: text, html: null, push: { ...keys, url: URL_OPENED } };
  }

  const messageFor = (name: string, text?: string): OutgoingMessage => {
    const { endpoint, keys } = push.subscriptionFor(name);
    return messageTo(endpoint, keys, text);
  };

  it('sends the title, body and url as JSON, kept 24 hours, signed with the salon’s keys', async () => {
    const outcome = await provider.send(messageFor('zoe'));

    const [received] = push.receivedFor('zoe');
    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: `${push.origin}/message/1` });
    expect(JSON.parse(received?.text ?? '')).toEqual({ title: 'Spring offer', body: 'Zoë, -20 % this weekend 💇', url: URL_OPENED });
    expect(received?.ttl).toBe(PUSH_TTL_SECONDS);
    expect(received?.vapid).toMatchObject({ publicKey: vapidKeys.publicKey, subject: 'mailto:Owner@Salon.example.test' });
  });

  it.each([410, 404] as const)('a subscription gone with %i is forgotten and the message rejected', async (status) => {
    const message = messageFor('gone');
    push.markGone('gone', status);

    const outcome = await provider.send(message);

    expect(outcome).toEqual({
      kind: 'rejected',
      code: String(status),
      message: 'This browser is no longer subscribed; the subscription was removed.',
      subscriptionGone: true,
    });
    expect(gone).toEqual([message.to]);
  });

  it('retries after the Retry-After the push service asks for when throttled', async () => {
    push.throttleNext(1, 120);

    expect(await provider.send(messageFor('zoe'))).toMatchObject({ kind: 'retry', code: '429', retryAfterMs: 120_000 });
    expect(await provider.send(messageFor('zoe'))).toMatchObject({ kind: 'accepted' });
  });

  it.each([500, 503])('retries when the push service fails with %i', async (status) => {
    push.failNext(1, { status });

    expect(await provider.send(messageFor('zoe'))).toMatchObject({ kind: 'retry', code: String(status) });
    expect(push.received).toHaveLength(0);
  });

  it('rejects with a plain message when the push service refuses the salon’s keys', async () => {
    push.subscriptionFor('zoe', { applicationServerKey: webpush.generateVAPIDKeys().publicKey });

    expect(await provider.send(messageFor('zoe'))).toEqual({
      kind: 'rejected',
      code: '403',
      message: "The push service refused the salon's keys (VAPID). Generate keys again and re-subscribe.",
    });
    expect(gone).toEqual([]);
  });

  it('refuses a payload over the limit without any request, and sends one exactly at the limit', async () => {
    const json = (text: string): number => Buffer.byteLength(JSON.stringify({ title: 'Spring offer', body: text, url: URL_OPENED }));
    const fitting = 'x'.repeat(MAX_PUSH_PAYLOAD_BYTES - json(''));
    expect(json(fitting)).toBe(MAX_PUSH_PAYLOAD_BYTES);

    expect(await provider.send(messageFor('zoe', `${fitting}x`))).toMatchObject({ kind: 'rejected', code: 'payload_too_large' });
    expect(push.received).toHaveLength(0);
    expect(push.rejections).toHaveLength(0);

    expect(await provider.send(messageFor('zoe', fitting))).toMatchObject({ kind: 'accepted' });
  });

  it('retries when the push service cannot be reached', async () => {
    const message = messageFor('zoe');
    await push.close();

    expect(await provider.send(message)).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED' });
  });

  it('cannot tell whether a push went out when the connection drops after the request was written', async () => {
    const { cert, key } = createSelfSignedCert('dropping-push-service');
    const server = createServer({ key, cert }, (req) => req.on('end', () => req.socket.destroy()).resume());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent({ ca: cert });
    try {
      const dropping = createPushProvider({ vapid, agent, allowLoopback: true, onGone: () => undefined });
      const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

      const outcome = await dropping.send(messageTo(`${origin}/wpush/x`, push.subscriptionFor('zoe').keys));

      expect(outcome).toMatchObject({ kind: 'ambiguous' });
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('sends nothing to an endpoint on this computer or a private network, even one stored before the check', async () => {
    const strict = createPushProvider({ vapid, agent: push.agent, onGone: () => undefined });
    expect(await strict.send(messageFor('zoe'))).toMatchObject({ kind: 'rejected', code: 'push_endpoint_refused' });
    const { keys } = push.subscriptionFor('zoe');
    expect(await provider.send(messageTo('https://192.168.1.20/wpush/x', keys))).toMatchObject({
      kind: 'rejected',
      code: 'push_endpoint_refused',
      message: 'The endpoint “https://192.168.1.20/wpush/x” is on this computer or a private network, not on a push service',
    });
    expect(push.received).toEqual([]);
    expect(push.rejections).toEqual([]);
  });

  it('reports every accepted push as delivered, and cannot look one up', async () => {
    const awaited = [{ providerMessageId: 'a', acceptedAt: '2026-01-01T00:00:00.000Z' }];

    expect(await provider.fetchStatuses(awaited)).toEqual([{ providerMessageId: 'a', status: 'delivered' }]);
    // A push service cannot be asked what it received: an unknown push waits for the owner's "resend".
    expect(provider.lookup).toBeUndefined();
  });
});

describe('vapidSubject', () => {
  it('uses the owner’s email, else the fallback, and asks for one when neither is known', () => {
    expect(vapidSubject(' owner@salon.test ', 'shop@salon.test')).toBe('mailto:owner@salon.test');
    expect(vapidSubject(null, 'shop@salon.test')).toBe('mailto:shop@salon.test');
    expect(() => vapidSubject(null)).toThrow('Enter your email in Settings first: push services need a contact address');
  });
});
