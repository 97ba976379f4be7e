/**
 * A Web Push service on https://127.0.0.1 for tests. It hands out browser-style
 * subscriptions, and for each push checks VAPID (RFC 8292), the TTL and Content-Encoding
 * headers (RFC 8030), decrypts the aes128gcm payload (RFC 8291/8188) with the
 * subscription's private key, and stores the plaintext. Failures can be injected:
 * gone subscriptions (410/404), throttling (429 + Retry-After) and other statuses.
 *
 * Status for each request, first match wins: 405 not POST · 404 unknown endpoint ·
 * 410/404 gone · injected failure · 401 no/unsupported Authorization · 403 invalid VAPID ·
 * 400 missing TTL · 415 body not aes128gcm · 413 body over the limit · 400 undecryptable · 201.
 */
import { createECDH, createPublicKey, hkdfSync, randomBytes, verify, createDecipheriv, type ECDH } from 'node:crypto';
import { Agent, createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCert } from '../tls/self-signed-cert';

export interface PushDoubleOptions {
  /** Largest accepted request body (the encrypted message); RFC 8030 services must take 4096. */
  maxBodyBytes?: number;
  /** Clock for VAPID `exp` checks, in milliseconds. */
  now?: () => number;
}

/** What a browser's `PushSubscription.toJSON()` returns. */
export interface PushSubscriptionJSON {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

export interface SubscriptionOptions {
  /** Like `applicationServerKey` in `pushManager.subscribe()`: pushes signed with another VAPID key get 403. */
  applicationServerKey?: string;
}

export interface VapidClaims {
  /** The `k` parameter: the sender's public key, base64url. */
  publicKey: string;
  audience: string;
  subject: string;
  /** `exp`, in seconds since the epoch. */
  expiresAt: number;
}

export interface ReceivedPush {
  /** 1-based arrival order. */
  seq: number;
  subscription: string;
  endpoint: string;
  /** Decrypted payload; empty for a push without a body. */
  payload: Buffer;
  /** The payload as UTF-8. */
  text: string;
  ttl: number;
  urgency?: string;
  topic?: string;
  vapid: VapidClaims;
}

export interface PushRejection {
  /** Subscription name, when the endpoint was known. */
  subscription?: string;
  path: string;
  status: number;
  reason: string;
}

export interface InjectedPushFailure {
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
}

export interface PushDouble {
  /** `https://127.0.0.1:<port>`: also the VAPID audience the double expects. */
  origin: string;
  /** PEM certificate of the double, for clients that want their own agent. */
  ca: string;
  /** An agent trusting the double: pass it as web-push's `agent` option. */
  agent: Agent;
  /** The subscription for `name`, created on first use. */
  subscriptionFor(name: string, options?: SubscriptionOptions): PushSubscriptionJSON;
  readonly received: readonly ReceivedPush[];
  readonly rejections: readonly PushRejection[];
  receivedFor(name: string): ReceivedPush[];
  /** Makes the subscription answer `status` (410 Gone by default, or 404) from now on. */
  markGone(name: string, status?: 404 | 410): void;
  /** The next `count` pushes (to any subscription) get 429 with Retry-After. */
  throttleNext(count: number, retryAfterSeconds?: number): void;
  /** The next `count` pushes (to any subscription) get `failure.status`. */
  failNext(count: number, failure: InjectedPushFailure): void;
  /** Forgets received pushes, rejections, injected failures and gone marks (subscriptions stay valid). */
  reset(): void;
  close(): Promise<void>;
}

interface Subscription {
  name: string;
  token: string;
  ecdh: ECDH;
  publicKey: Buffer;
  auth: Buffer;
  applicationServerKey?: string;
  gone?: 404 | 410;
}

/** A refusal: thrown inside request handling, turned into a response and a rejection record. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    reason: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(reason);
  }
}

const PATH_PREFIX = '/wpush/';
const MAX_VAPID_LIFETIME_SECONDS = 24 * 60 * 60;
const b64url = (bytes: Buffer): string => bytes.toString('base64url');

// --- VAPID (RFC 8292) ---

function parseVapidAuthorization(header: string | undefined): { token: string; key: string } {
  const match = /^vapid\s+(.+)$/i.exec(header ?? '');
  if (!match?.[1]) throw new Refusal(401, 'missing or non-vapid Authorization');
  const params = new Map(
    match[1].split(',').map((part) => {
      const eq = part.indexOf('=');
      return [part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim()] as const;
    }),
  );
  const token = params.get('t');
  const key = params.get('k');
  if (!token || !key) throw new Refusal(401, 'vapid Authorization without t= and k=');
  return { token, key };
}

function decodeJson(segment: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new Refusal(403, 'malformed JWT');
}

function vapidPublicKey(key: string): ReturnType<typeof createPublicKey> {
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 0x04) throw new Refusal(403, 'k is not an uncompressed P-256 point');
  try {
    return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) }, format: 'jwk' });
  } catch {
    throw new Refusal(403, 'k is not on P-256');
  }
}

function verifyVapid(header: string | undefined, expectedAudience: string, nowSeconds: number): VapidClaims {
  const { token, key } = parseVapidAuthorization(header);
  const [head = '', body = '', signature = ''] = token.split('.');
  if (decodeJson(head).alg !== 'ES256') throw new Refusal(403, 'JWT alg is not ES256');
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: vapidPublicKey(key), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new Refusal(403, 'bad VAPID signature');
  const claims = decodeJson(body);
  const { aud, exp, sub } = claims;
  if (aud !== expectedAudience) throw new Refusal(403, `aud ${String(aud)} is not ${expectedAudience}`);
  if (typeof exp !== 'number' || exp <= nowSeconds) throw new Refusal(403, 'JWT expired or without exp');
  if (exp > nowSeconds + MAX_VAPID_LIFETIME_SECONDS) throw new Refusal(403, 'JWT exp more than 24 h ahead');
  if (typeof sub !== 'string' || !/^(mailto:|https:)/.test(sub)) throw new Refusal(403, 'sub is not a mailto: or https: URL');
  return { publicKey: key, audience: aud, subject: sub, expiresAt: exp };
}

// --- aes128gcm (RFC 8188) with Web Push keys (RFC 8291) ---

function decryptRecord(key: Buffer, nonce: Buffer, record: Buffer, last: boolean): Buffer {
  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  // The delimiter after the data: 0x02 ends the last record, 0x01 any other.
  if (padded[end] !== (last ? 2 : 1)) throw new Error('bad record padding delimiter');
  return padded.subarray(0, end);
}

function recordNonce(base: Buffer, seq: number): Buffer {
  // The sequence number is XORed into the low end; record counts here never pass 32 bits.
  const nonce = Buffer.from(base);
  nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
  return nonce;
}

export function decryptAes128gcm(body: Buffer, subscription: { ecdh: ECDH; publicKey: Buffer; auth: Buffer }): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body.readUInt8(20);
  const senderKey = body.subarray(21, 21 + keyIdLength);
  const ciphertext = body.subarray(21 + keyIdLength);
  if (recordSize < 18 || senderKey.length !== 65 || ciphertext.length === 0) throw new Error('bad aes128gcm header');

  const sharedSecret = subscription.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), subscription.publicKey, senderKey]);
  const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, subscription.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const baseNonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));

  const plaintext: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < ciphertext.length; offset += recordSize, seq += 1) {
    const last = offset + recordSize >= ciphertext.length;
    plaintext.push(decryptRecord(cek, recordNonce(baseNonce, seq), ciphertext.subarray(offset, offset + recordSize), last));
  }
  return Buffer.concat(plaintext);
}

// --- server ---

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function requireHeaders(req: IncomingMessage, body: Buffer, maxBodyBytes: number): number {
  const ttl = Number(req.headers.ttl);
  if (req.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0) throw new Refusal(400, 'missing or invalid TTL header');
  // A push without a body (a "tickle") needs no Content-Encoding.
  if (body.length > 0 && req.headers['content-encoding']?.toLowerCase() !== 'aes128gcm') {
    throw new Refusal(415, 'Content-Encoding is not aes128gcm');
  }
  if (body.length > maxBodyBytes) throw new Refusal(413, `body of ${body.length} bytes exceeds ${maxBodyBytes}`);
  return ttl;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export async function startPushDouble(options: PushDoubleOptions = {}): Promise<PushDouble> {
  const maxBodyBytes = options.maxBodyBytes ?? 4096;
  const now = options.now ?? Date.now;
  const { cert, key } = createSelfSignedCert('push-double');
  const byName = new Map<string, Subscription>();
  const byToken = new Map<string, Subscription>();
  const received: ReceivedPush[] = [];
  const rejections: PushRejection[] = [];
  let injected: Array<InjectedPushFailure & { remaining: number }> = [];
  let origin = '';

  const takeInjected = (): InjectedPushFailure | undefined => {
    const entry = injected.find((item) => item.remaining > 0);
    if (entry) entry.remaining -= 1;
    return entry;
  };

  const accept = async (req: IncomingMessage, path: string): Promise<ReceivedPush> => {
    if (req.method !== 'POST') throw new Refusal(405, `method ${req.method ?? ''} not allowed`);
    const subscription = byToken.get(path.slice(PATH_PREFIX.length));
    if (!path.startsWith(PATH_PREFIX) || !subscription) throw new Refusal(404, 'no such subscription');
    if (subscription.gone) throw new Refusal(subscription.gone, 'subscription gone');
    const failure = takeInjected();
    if (failure) {
      const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { 'Retry-After': String(failure.retryAfter) };
      throw new Refusal(failure.status, 'injected failure', headers);
    }
    const vapid = verifyVapid(single(req.headers.authorization), origin, Math.floor(now() / 1000));
    if (subscription.applicationServerKey && vapid.publicKey !== subscription.applicationServerKey) {
      throw new Refusal(403, 'VAPID key differs from the applicationServerKey of the subscription');
    }
    const body = await readBody(req);
    const ttl = requireHeaders(req, body, maxBodyBytes);
    let payload: Buffer;
    try {
      payload = body.length === 0 ? Buffer.alloc(0) : decryptAes128gcm(body, subscription);
    } catch (err) {
      throw new Refusal(400, `cannot decrypt payload: ${(err as Error).message}`);
    }
    return {
      seq: received.length + 1,
      subscription: subscription.name,
      endpoint: origin + path,
      payload,
      text: payload.toString('utf8'),
      ttl,
      urgency: single(req.headers.urgency),
      topic: single(req.headers.topic),
      vapid,
    };
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', origin).pathname;
    accept(req, path).then(
      (push) => {
        received.push(push);
        res.writeHead(201, { Location: `${origin}/message/${push.seq}` }).end();
      },
      (err: unknown) => {
        const refusal = err instanceof Refusal ? err : new Refusal(500, String(err));
        const subscription = byToken.get(path.slice(PATH_PREFIX.length))?.name;
        rejections.push({ subscription, path, status: refusal.status, reason: refusal.message });
        req.resume(); // drain an unread body so the client sees the response
        res.writeHead(refusal.status, { 'Content-Type': 'text/plain', ...refusal.headers }).end(refusal.message);
      },
    );
  };

  const server: Server = createServer({ key, cert }, handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ ca: cert });

  const subscriptionFor = (name: string, subscribeOptions: SubscriptionOptions = {}): PushSubscriptionJSON => {
    let subscription = byName.get(name);
    if (!subscription) {
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const token = b64url(randomBytes(16));
      subscription = { name, token, ecdh, publicKey, auth: randomBytes(16), applicationServerKey: subscribeOptions.applicationServerKey };
      byName.set(name, subscription);
      byToken.set(token, subscription);
    }
    return {
      endpoint: `${origin}${PATH_PREFIX}${subscription.token}`,
      expirationTime: null,
      keys: { p256dh: b64url(subscription.publicKey), auth: b64url(subscription.auth) },
    };
  };

  const requireSubscription = (name: string): Subscription => {
    const subscription = byName.get(name);
    if (!subscription) throw new Error(`no subscription named ${name}`);
    return subscription;
  };

  return {
    origin,
    ca: cert,
    agent,
    subscriptionFor,
    received,
    rejections,
    receivedFor: (name) => received.filter((push) => push.subscription === name),
    markGone(name, status = 410) {
      requireSubscription(name).gone = status;
    },
    throttleNext(count, retryAfterSeconds = 30) {
      injected.push({ status: 429, retryAfter: retryAfterSeconds, remaining: count });
    },
    failNext(count, failure) {
      injected.push({ ...failure, remaining: count });
    },
    reset() {
      received.length = 0;
      rejections.length = 0;
      injected = [];
      for (const subscription of byName.values()) delete subscription.gone;
    },
    close() {
      agent.destroy();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
