import type { Channel } from '../../../shared/dto';

export interface OutgoingMessage {
  /** Our delivery id: the provider-side idempotency key, and how a lost send is found again. */
  key: string;
  channel: Channel;
  /** E.164 phone, email address, or a push subscription's endpoint. */
  to: string;
  /** An email's subject, or a push notification's title. */
  subject: string | null;
  /** The text, an email's plain-text part, or a push notification's body. */
  body: string;
  /** An email's HTML part; null otherwise. */
  html: string | null;
  /** Web push: the subscription's keys and the page the notification opens. */
  push?: { p256dh: string; auth: string; url: string };
  /** SMS: after this the provider must drop it rather than deliver it (quiet hours begin). */
  validUntil?: Date;
}

export type SendOutcome =
  /** The provider took the message; status checks follow it by this id. */
  | { kind: 'accepted'; providerMessageId: string }
  /** The provider refused it for good (invalid number, opted out...). `optedOut`: the client said STOP. */
  | { kind: 'rejected'; code: string; message: string; optedOut?: boolean; subscriptionGone?: boolean }
  /** The provider certainly did not process it (rate limit, outage): safe to send again later. */
  | { kind: 'retry'; code: string; message: string; retryAfterMs?: number }
  /** It may or may not have gone out (timeout, connection dropped): never resend without checking. */
  | { kind: 'ambiguous'; message: string };

export interface StatusReport {
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'undelivered' | 'failed';
  errorCode?: string;
  errorMessage?: string;
  /** What the provider charged, positive, in `priceUnit`. */
  price?: number;
  priceUnit?: string;
}

/** One page of a status listing, and where the listing goes on (none: it ended). */
export interface StatusPage {
  reports: StatusReport[];
  nextPage?: string;
}

/** A message the provider accepted earlier and we are waiting to hear about. */
export interface AwaitedMessage {
  providerMessageId: string;
  /** When the provider accepted it (ISO): bounds the date window of a listing. */
  acceptedAt: string;
}

/** A message that may or may not have reached the provider (cut off mid-send): what a look-up matches. */
export interface SentMessage {
  /** Our delivery id. */
  key: string;
  to: string;
  /** SHA-256 of the body exactly as it was handed to the provider (see sentHash). */
  bodyHash: string;
  /** When it was claimed for sending (ISO): the provider's copy, if any, is dated near it. */
  claimedAt: string;
}

/** After a crash or an ambiguous send: what the provider knows of a message. */
export type LookupResult = { kind: 'found'; providerMessageId: string } | { kind: 'not_found' } | { kind: 'cannot_tell' };

/** A text a client sent to the salon. */
export interface InboundText {
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
  receivedAt: string;
}

export interface Provider {
  /** Names the account; limits are shared by everything sent through the same id. */
  readonly id: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /** Current status of these messages; where the provider can list, only a fallback for a few. */
  fetchStatuses(awaited: AwaitedMessage[]): Promise<StatusReport[]>;
  /**
   * Everything sent since `since` (ISO), a page (one call) at a time, newest first: many statuses per
   * call. `resumeFrom` continues a sweep cut short at the page it names. The caller decides when to
   * stop: a provider's pages may never end.
   */
  statusPages?(since: string, resumeFrom?: string): AsyncIterable<StatusPage>;
  /**
   * Whether the provider has this message: found, not found, or cannot tell right now (also when the
   * listing was too long to read to the end). `taken` says which provider ids other deliveries already
   * own, so an identical text sent earlier is never mistaken for this one. A provider's list may lag
   * behind what it accepted: the caller trusts "not found" only once a settle window has passed.
   * Providers that cannot be asked at all (SMTP, push) leave it out: their unknown messages wait for
   * the owner's decision.
   */
  lookup?(sent: SentMessage, taken: (providerMessageId: string) => boolean): Promise<LookupResult>;
  /** Texts clients sent to us since `since` (ISO); only providers that receive implement it. */
  inbound?(since: string): Promise<InboundText[]>;
  /** Close connections (an SMTP pool). */
  close?(): Promise<void>;
}

/** What a provider said of credentials before they are saved: refused ones are never saved. */
export type CredentialCheck = { kind: 'accepted' } | { kind: 'refused'; message: string } | { kind: 'unchecked'; reason: string };
