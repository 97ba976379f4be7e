// Settings -> Sending: the live providers, their secrets (never sent back), test sends and live mode.
import { z } from 'zod';
import { method } from './method';

export const PROVIDERS = ['twilio', 'smtp', 'push'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const SMTP_TLS_MODES = ['starttls', 'implicit', 'none'] as const;
export type SmtpTlsMode = (typeof SMTP_TLS_MODES)[number];

/** What the renderer may know of a saved secret. */
export interface SecretStatusDto {
  configured: boolean;
  /** The last four characters, to tell keys apart; null when not configured. */
  last4: string | null;
}

/** Whether the saved details were accepted by the provider: saving offline cannot check them. */
export interface CredentialCheckDto {
  /** When the provider last accepted them; null: not checked yet. */
  checkedAt: string | null;
  /** Why they could not be checked, e.g. "no connection"; null once checked. */
  uncheckedReason: string | null;
}

export interface TwilioConfigDto extends CredentialCheckDto {
  accountSid: string;
  /** Auth Token, or an API Key (SK...) with its secret. */
  authKind: 'token' | 'apiKey';
  apiKeySid: string | null;
  /** The Auth Token or the API Key's secret. */
  secret: SecretStatusDto;
  /** E.164 sender number, or null when a Messaging Service sends. */
  from: string | null;
  messagingServiceSid: string | null;
  /** Texts per day through this account; null: no cap. */
  dailyCap: number | null;
}

export interface SmtpConfigDto extends CredentialCheckDto {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  user: string;
  password: SecretStatusDto;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  /** Emails per day through this mailbox; null: no cap. The per-minute rate is Settings' emailPerMinute. */
  perDay: number | null;
}

export interface PushConfigDto {
  /** The VAPID public key (base64url) the salon's website subscribes with. */
  publicKey: string;
  /** The VAPID subject: the salon's mailto. */
  subject: string;
  subscriptions: number;
}

export interface SendingDto {
  /** Messages go to real providers only when this is on; sandbox otherwise. */
  live: boolean;
  /** Per channel, where a message goes right now. */
  channels: Record<'sms' | 'email' | 'push', 'sandbox' | 'live' | 'off'>;
  twilio: TwilioConfigDto | null;
  smtp: SmtpConfigDto | null;
  push: PushConfigDto | null;
  /** Shown to the owner when secrets are protected weakly (a key file, or Linux's plain-text store). */
  secretsWarning: string | null;
}

export interface ProviderTestDto {
  ok: boolean;
  /** Plain words: what happened, and what to do about it. */
  message: string;
}

export interface SubscriptionImportDto {
  linked: number;
  /** Rows whose client could not be found: line and what was looked for. */
  unmatched: Array<{ line: number; reason: string }>;
  invalid: Array<{ line: number; reason: string }>;
}

export interface ReplyDto {
  id: number;
  from: string;
  body: string;
  receivedAt: string;
  contactId: number | null;
  contactName: string | null;
  broadcastId: number | null;
  broadcastName: string | null;
  action: 'opt_out' | 'opt_in' | null;
}

const e164 = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'Use the full number with +country code, e.g. +14155550123');
/** A new secret; left out (or empty) keeps the saved one. */
const newSecret = z.string().trim().max(500).optional();
const dailyCap = z.number().int().min(1, 'A daily cap must be at least 1').max(10_000_000).nullable();

export const twilioConfigSchema = z
  .object({
    accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'An Account SID starts with AC followed by 32 letters and digits'),
    authKind: z.enum(['token', 'apiKey']),
    apiKeySid: z
      .string()
      .trim()
      .regex(/^SK[0-9a-fA-F]{32}$/, 'An API Key SID starts with SK followed by 32 letters and digits')
      .nullable(),
    secret: newSecret,
    from: e164.nullable(),
    messagingServiceSid: z
      .string()
      .trim()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'A Messaging Service SID starts with MG followed by 32 letters and digits')
      .nullable(),
    dailyCap,
  })
  .strict()
  .refine((c) => (c.from === null) !== (c.messagingServiceSid === null), {
    message: 'Give either a From number or a Messaging Service SID',
    path: ['from'],
  })
  .refine((c) => c.authKind === 'token' || c.apiKeySid !== null, { message: 'Enter the API Key SID', path: ['apiKeySid'] });

export const smtpConfigSchema = z
  .object({
    host: z.string().trim().min(1, 'Enter the mail server, e.g. smtp.gmail.com').max(253),
    port: z.number().int().min(1).max(65535),
    tls: z.enum(SMTP_TLS_MODES),
    user: z.string().trim().max(254),
    password: newSecret,
    fromName: z.string().trim().min(1, 'Enter the name clients see, e.g. the salon’s name').max(120),
    fromAddress: z.email('Enter the address emails come from').trim().toLowerCase(),
    replyTo: z.email('Enter an address for replies').trim().toLowerCase().nullable(),
    perDay: dailyCap,
  })
  .strict();

/**
 * A saved secret is only ever sent where it went before: to the same Twilio account, with the same
 * kind of key (an API Key's secret only with that API Key). Change any of these and it must be typed
 * again, so a caller cannot point the saved secret at an account or server of their choosing.
 */
export function twilioSecretReusable(
  saved: Pick<TwilioConfigDto, 'accountSid' | 'authKind' | 'apiKeySid'> | null,
  next: Pick<TwilioConfigDto, 'accountSid' | 'authKind' | 'apiKeySid'>,
): boolean {
  if (!saved) return false;
  return saved.accountSid === next.accountSid && saved.authKind === next.authKind && (next.authKind === 'token' || saved.apiKeySid === next.apiKeySid);
}

/** The same for a mailbox password: the same server, port, user name and security. */
export function smtpPasswordReusable(
  saved: Pick<SmtpConfigDto, 'host' | 'port' | 'user' | 'tls'> | null,
  next: Pick<SmtpConfigDto, 'host' | 'port' | 'user' | 'tls'>,
): boolean {
  if (!saved) return false;
  return saved.host.toLowerCase() === next.host.toLowerCase() && saved.port === next.port && saved.user === next.user && saved.tls === next.tls;
}

export type TwilioConfigInput = z.output<typeof twilioConfigSchema>;
export type SmtpConfigInput = z.output<typeof smtpConfigSchema>;

export const sendingMethods = {
  'sending.get': method<SendingDto>()(z.object({}).strict()),
  'sending.saveTwilio': method<SendingDto>()(twilioConfigSchema),
  'sending.saveSmtp': method<SendingDto>()(smtpConfigSchema),
  /** Make a new VAPID key pair; the salon's website must subscribe again with the new public key. */
  'sending.generatePushKeys': method<SendingDto>()(z.object({}).strict()),
  /** Forget a provider and its secrets; its channel goes back to the sandbox. */
  'sending.removeProvider': method<SendingDto>()(z.object({ provider: z.enum(PROVIDERS) }).strict()),
  /** Check credentials and send one real message to the owner (Settings' phone or email). */
  'sending.test': method<ProviderTestDto>()(z.object({ provider: z.enum(PROVIDERS) }).strict()),
  /** Turning live on asks for the words "send for real", typed by the owner. */
  'sending.setLive': method<SendingDto>()(
    z.object({ live: z.boolean(), confirmation: z.string().trim().toLowerCase().optional() }).strict(),
  ),
  /** Subscriptions exported from the salon's website: JSON array or CSV with endpoint, p256dh, auth and the client's email or phone. */
  'sending.importSubscriptions': method<SubscriptionImportDto>()(
    z.object({ format: z.enum(['json', 'csv']), text: z.string().min(1, 'The file is empty').max(20_000_000) }).strict(),
  ),
  'replies.list': method<{ total: number; replies: ReplyDto[] }>()(
    z
      .object({
        broadcastId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
};

export const LIVE_CONFIRMATION = 'send for real';

/** The fastest a salon may send texts: a short code's rate. */
export const SMS_PER_SECOND_MAX = 100;
