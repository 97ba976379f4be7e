import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import webpush, { type SendResult } from 'web-push';
import { pushEndpointProblem } from '../../push/push-endpoint';
import { retryAfterMs } from '../retry-after';
import type { OutgoingMessage, Provider, SendOutcome, StatusReport } from '../provider';

/**
 * Largest JSON payload, in bytes: push services must take 4096 encrypted bytes (RFC 8030), and
 * aes128gcm adds 86 header bytes, a 1-byte delimiter and a 16-byte tag. web-push does not check.
 */
export const MAX_PUSH_PAYLOAD_BYTES = 3993;
/** How long a push service keeps a notification for a browser that is offline. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;
export const PUSH_PROVIDER_ID = 'push';
const DEFAULT_TIMEOUT_MS = 30_000;

export interface PushProviderOptions {
  id?: string;
  vapid: { subject: string; publicKey: string; privateKey: string };
  /** Trust or pooling for the HTTPS requests (tests trust the local push double with it). */
  agent?: Agent;
  /** Socket idle time before a request is abandoned. */
  timeoutMs?: number;
  /** Send to endpoints on this computer too: only tests, for the local push double. */
  allowLoopback?: boolean;
  /** The browser unsubscribed (404/410): forget the subscription. */
  onGone(endpoint: string): void;
}

const GONE_MESSAGE = 'This browser is no longer subscribed; the subscription was removed.';

const REFUSAL_MESSAGES: Record<number, string> = {
  400: 'The push service could not read the notification. Check the subscription keys, or ask the client to subscribe again.',
  401: 'The push service wants the salon’s keys (VAPID) and did not get them. Generate keys again and re-subscribe.',
  403: "The push service refused the salon's keys (VAPID). Generate keys again and re-subscribe.",
};

/** Failures before a request is written (no connection, or an untrusted certificate): the service never saw it. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Web Push through the `web-push` package: VAPID-signed, aes128gcm-encrypted, one request per message. */
export function createPushProvider(options: PushProviderOptions): Provider {
  const requestOptions = {
    vapidDetails: options.vapid,
    TTL: PUSH_TTL_SECONDS,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.agent && { agent: options.agent }),
  };

  const gone = (endpoint: string, status: 404 | 410): SendOutcome => {
    options.onGone(endpoint);
    return { kind: 'rejected', code: String(status), message: GONE_MESSAGE, subscriptionGone: true };
  };

  return {
    id: options.id ?? PUSH_PROVIDER_ID,

    async send(message: OutgoingMessage): Promise<SendOutcome> {
      if (!message.push) return { kind: 'rejected', code: 'no_subscription_keys', message: 'This client’s browser subscription has no keys.' };
      // Subscriptions stored before endpoints were checked are checked here, before any request.
      const refused = pushEndpointProblem(message.to, { allowLoopback: options.allowLoopback === true });
      if (refused) return { kind: 'rejected', code: 'push_endpoint_refused', message: refused };
      const { p256dh, auth, url } = message.push;
      const payload = JSON.stringify({ title: message.subject ?? '', body: message.body, url });
      const size = Buffer.byteLength(payload);
      if (size > MAX_PUSH_PAYLOAD_BYTES) return tooLarge(size);
      try {
        const result = await webpush.sendNotification({ endpoint: message.to, keys: { p256dh, auth } }, payload, requestOptions);
        return { kind: 'accepted', providerMessageId: header(result.headers, 'location') ?? `push-${randomUUID()}` };
      } catch (error) {
        if (error instanceof webpush.WebPushError) {
          if (error.statusCode === 404 || error.statusCode === 410) return gone(message.to, error.statusCode);
          return outcomeOfStatus(error.statusCode, error.headers);
        }
        return outcomeOfFailure(error);
      }
    },

    // Push services give no delivery reports: taken by the service is as far as anyone can tell.
    async fetchStatuses(awaited): Promise<StatusReport[]> {
      return awaited.map(({ providerMessageId }) => ({ providerMessageId, status: 'delivered' }));
    },
  };
}

function tooLarge(size?: number): SendOutcome {
  const measured = size === undefined ? '' : ` (${size} bytes; at most ${MAX_PUSH_PAYLOAD_BYTES})`;
  return { kind: 'rejected', code: 'payload_too_large', message: `The notification is too long for push services${measured}. Shorten the title or the text.` };
}

function header(headers: SendResult['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function outcomeOfStatus(status: number, headers: SendResult['headers']): SendOutcome {
  if (status === 413) return tooLarge();
  if (status === 429) {
    const wait = retryAfterMs(header(headers, 'retry-after'));
    return { kind: 'retry', code: '429', message: 'The push service asked to slow down.', ...(wait !== undefined && { retryAfterMs: wait }) };
  }
  if (status >= 500) return { kind: 'retry', code: String(status), message: `The push service is unavailable (HTTP ${status}).` };
  return { kind: 'rejected', code: String(status), message: REFUSAL_MESSAGES[status] ?? `The push service refused the notification (HTTP ${status}).` };
}

function outcomeOfFailure(error: unknown): SendOutcome {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code && NOT_SENT_CODES.has(code)) return { kind: 'retry', code, message: `The push service could not be reached (${detail}).` };
  // web-push's own checks (bad keys, bad VAPID details) throw before any request, with no error code.
  if (!code && detail !== 'Socket timeout') return { kind: 'rejected', code: 'push_error', message: `The notification could not be prepared: ${detail}` };
  return { kind: 'ambiguous', message: `The connection to the push service failed after the notification was sent (${detail}).` };
}
