import type { Channel } from '../../../shared/dto';

export interface OutgoingMessage {
  /** Our delivery id: the provider-side idempotency key, and how a lost send is found again. */
  key: string;
  channel: Channel;
  to: string;
  subject: string | null;
  /** The text, or an email's plain-text part. */
  body: string;
  /** An email's HTML part; null for a text. */
  html: string | null;
}

export type SendOutcome =
  /** The provider took the message; status checks follow it by this id. */
  | { kind: 'accepted'; providerMessageId: string }
  /** The provider refused it for good (invalid number, opted out...). */
  | { kind: 'rejected'; code: string; message: string }
  /** The provider certainly did not process it (rate limit, outage): safe to send again later. */
  | { kind: 'retry'; code: string; message: string; retryAfterMs?: number }
  /** It may or may not have gone out (timeout, connection dropped): never resend without checking. */
  | { kind: 'ambiguous'; message: string };

export interface StatusReport {
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'undelivered' | 'failed';
  errorCode?: string;
  errorMessage?: string;
}

/** After a crash or an ambiguous send: what the provider knows of a message. */
export type LookupResult = { kind: 'found'; providerMessageId: string } | { kind: 'not_found' } | { kind: 'cannot_tell' };

export interface Provider {
  /** Names the account; limits are shared by everything sent through the same id. */
  readonly id: string;
  /** Messages per second this account may send. */
  readonly ratePerSecond: number;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /** Current status of messages this provider accepted (many per call). */
  fetchStatuses(providerMessageIds: string[]): Promise<StatusReport[]>;
  lookup(message: OutgoingMessage): Promise<LookupResult>;
}
