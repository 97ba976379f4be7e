import webpush, { type RequestOptions, type SendResult, type WebPushError } from 'web-push';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPushDouble, type PushDouble } from '../../doubles/push/push-double';

const SUBJECT = 'mailto:owner@salon.example.test';

describe('push double with real web-push', () => {
  let push: PushDouble;
  const vapidKeys = webpush.generateVAPIDKeys();
  const vapidDetails = { subject: SUBJECT, ...vapidKeys };

  beforeEach(async () => {
    push = await startPushDouble();
  });
  afterEach(async () => {
    await push.close();
  });

  const send = (name: string, payload: string | null, options: RequestOptions = {}): Promise<SendResult> =>
    webpush.sendNotification(push.subscriptionFor(name), payload, { vapidDetails, TTL: 60, agent: push.agent, ...options });

  async function pushFailure(sending: Promise<SendResult>): Promise<WebPushError> {
    const outcome = await sending.then(
      () => undefined,
      (err: unknown) => err,
    );
    if (!(outcome instanceof webpush.WebPushError)) throw new Error(`expected a WebPushError, got ${String(outcome)}`);
    return outcome;
  }

  it('hands out browser-style subscriptions', () => {
    const subscription = push.subscriptionFor('zoe');

    expect(subscription.endpoint.startsWith(`${push.origin}/`)).toBe(true);
    expect(Buffer.from(subscription.keys.p256dh, 'base64url')).toHaveLength(65);
    expect(Buffer.from(subscription.keys.auth, 'base64url')).toHaveLength(16);
    expect(push.subscriptionFor('zoe')).toEqual(subscription);
    expect(push.subscriptionFor('ana').endpoint).not.toBe(subscription.endpoint);
  });

  it('decrypts a JSON payload to exactly what was sent and records the VAPID claims', async () => {
    const payload = JSON.stringify({ title: 'Offre de printemps', body: 'Zoë, -20 % ce week-end 💇', url: 'https://salon.example.test/o/1' });

    const result = await send('zoe', payload, { TTL: 3600, urgency: 'high', topic: 'spring-offer' });

    expect(result.statusCode).toBe(201);
    expect(push.received).toHaveLength(1);
    const [received] = push.receivedFor('zoe');
    expect(received?.text).toBe(payload);
    expect(received).toMatchObject({ ttl: 3600, urgency: 'high', topic: 'spring-offer' });
    expect(received?.vapid).toMatchObject({ publicKey: vapidKeys.publicKey, audience: push.origin, subject: SUBJECT });
    expect(push.rejections).toEqual([]);
  });

  it('accepts a push without a payload', async () => {
    await send('zoe', null);

    expect(push.received[0]?.payload).toHaveLength(0);
  });

  it('refuses with 403 a JWT signed by a different key than k, and stores nothing', async () => {
    const otherKeys = webpush.generateVAPIDKeys();

    const err = await pushFailure(send('zoe', '{}', { vapidDetails: { subject: SUBJECT, publicKey: vapidKeys.publicKey, privateKey: otherKeys.privateKey } }));

    expect(err.statusCode).toBe(403);
    expect(push.received).toHaveLength(0);
    expect(push.rejections).toEqual([expect.objectContaining({ subscription: 'zoe', status: 403, reason: 'bad VAPID signature' })]);
  });

  it.each([
    { claim: 'aud', reason: /^aud /, audience: () => 'https://push.other.example', expiration: () => Math.floor(Date.now() / 1000) + 600 },
    { claim: 'exp', reason: /expired/, audience: () => push.origin, expiration: () => Math.floor(Date.now() / 1000) - 60 },
  ])('refuses with 403 a validly signed JWT with a bad $claim', async ({ reason, audience, expiration }) => {
    const { Authorization } = webpush.getVapidHeaders(audience(), SUBJECT, vapidKeys.publicKey, vapidKeys.privateKey, 'aes128gcm', expiration());

    // No vapidDetails: web-push then sends the hand-made Authorization header as is.
    const err = await pushFailure(send('zoe', '{}', { vapidDetails: undefined, headers: { Authorization } }));

    expect(err.statusCode).toBe(403);
    expect(push.received).toHaveLength(0);
    expect(push.rejections[0]?.reason).toMatch(reason);
  });

  it('refuses a key other than the applicationServerKey the subscription was made with', async () => {
    push.subscriptionFor('zoe', { applicationServerKey: webpush.generateVAPIDKeys().publicKey });

    const err = await pushFailure(send('zoe', '{}'));

    expect(err.statusCode).toBe(403);
  });

  it.each([410, 404] as const)('a gone subscription answers %i, surfaced as WebPushError.statusCode', async (status) => {
    push.subscriptionFor('gone');
    push.markGone('gone', status);

    const err = await pushFailure(send('gone', '{}'));

    expect(err.statusCode).toBe(status);
    expect(err.endpoint).toBe(push.subscriptionFor('gone').endpoint);
    expect(push.received).toHaveLength(0);
  });

  it('throttles with 429 and Retry-After, then accepts again', async () => {
    push.throttleNext(1, 120);

    const err = await pushFailure(send('zoe', '{}'));
    expect(err.statusCode).toBe(429);
    expect(err.headers['retry-after']).toBe('120');

    await send('zoe', '{}');
    expect(push.received).toHaveLength(1);
  });

  it('web-push does not check the size: a body over 4096 bytes reaches the service and gets 413', async () => {
    // aes128gcm adds 86 header bytes, a 1-byte delimiter and a 16-byte tag: 3993 bytes of plaintext fill 4096 exactly.
    await send('zoe', 'x'.repeat(3993));
    expect(push.received[0]?.payload).toHaveLength(3993);

    const err = await pushFailure(send('zoe', 'x'.repeat(3994)));
    expect(err.statusCode).toBe(413);
    expect(push.received).toHaveLength(1);
  });

  it('decrypts a payload that web-push splits into several aes128gcm records', async () => {
    const roomy = await startPushDouble({ maxBodyBytes: 16_384 });
    try {
      const payload = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
      await webpush.sendNotification(roomy.subscriptionFor('zoe'), payload, { vapidDetails, agent: roomy.agent });
      expect(roomy.received[0]?.payload.equals(payload)).toBe(true);
    } finally {
      await roomy.close();
    }
  });
});
