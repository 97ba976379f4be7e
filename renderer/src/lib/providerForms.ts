// The Twilio and email forms of Settings -> Sending: their state, and how it turns into the input of
// sending.saveTwilio / sending.saveSmtp. Secrets are never sent back by the core: an empty secret box
// keeps the saved one, and says so.
import type { MethodInput } from '../../../shared/contract';
import type { InputIssue } from '../../../shared/errors';
import {
  smtpConfigSchema,
  smtpPasswordReusable,
  twilioConfigSchema,
  twilioSecretReusable,
  type CredentialCheckDto,
  type SecretStatusDto,
  type SmtpConfigDto,
  type SmtpTlsMode,
  type TwilioConfigDto,
} from '../../../shared/sending';
import { toNumber } from './settingsForm';

/** A number field as Mantine's NumberInput gives it: a number, or text while empty or half typed. */
type NumberDraft = number | string;

export type FormResult<T> = { ok: true; input: T } | { ok: false; issues: InputIssue[] };

export type TwilioInput = MethodInput<'sending.saveTwilio'>;
export type SmtpInput = MethodInput<'sending.saveSmtp'>;

export interface TwilioDraft {
  accountSid: string;
  authKind: 'token' | 'apiKey';
  apiKeySid: string;
  /** A new Auth Token or API Key secret; '' keeps the saved one. */
  secret: string;
  /** Texts come from one number, or from a Messaging Service (a pool of numbers). */
  sender: 'number' | 'service';
  from: string;
  messagingServiceSid: string;
  /** Empty = no cap. */
  dailyCap: NumberDraft;
}

export interface SmtpDraft {
  host: string;
  port: NumberDraft;
  tls: SmtpTlsMode;
  user: string;
  /** A new password; '' keeps the saved one. */
  password: string;
  fromName: string;
  fromAddress: string;
  /** '' = replies go to the From address. */
  replyTo: string;
  /** Empty = no cap. */
  perDay: NumberDraft;
}

export function twilioDraftFrom(config: TwilioConfigDto | null): TwilioDraft {
  return {
    accountSid: config?.accountSid ?? '',
    authKind: config?.authKind ?? 'token',
    apiKeySid: config?.apiKeySid ?? '',
    secret: '',
    sender: config?.messagingServiceSid ? 'service' : 'number',
    from: config?.from ?? '',
    messagingServiceSid: config?.messagingServiceSid ?? '',
    dailyCap: config?.dailyCap ?? '',
  };
}

/** A new mailbox starts with the salon's name and the owner's email, which most salons send from. */
export function smtpDraftFrom(config: SmtpConfigDto | null, defaults: { salonName: string; ownerEmail: string | null }): SmtpDraft {
  return {
    host: config?.host ?? '',
    port: config?.port ?? 587,
    tls: config?.tls ?? 'starttls',
    user: config?.user ?? '',
    password: '',
    fromName: config?.fromName ?? defaults.salonName,
    fromAddress: config?.fromAddress ?? defaults.ownerEmail ?? '',
    replyTo: config?.replyTo ?? '',
    perDay: config?.perDay ?? '',
  };
}

/**
 * True when leaving the secret box empty keeps a saved secret that still fits: the same account, an
 * Auth Token staying an Auth Token, and an API Key's secret only with the same API Key.
 */
export function twilioSecretKept(saved: TwilioConfigDto | null, draft: Pick<TwilioDraft, 'accountSid' | 'authKind' | 'apiKeySid'>): boolean {
  if (!saved?.secret.configured) return false;
  return twilioSecretReusable(saved, { accountSid: draft.accountSid.trim(), authKind: draft.authKind, apiKeySid: draft.apiKeySid.trim() });
}

/** The same for a mailbox password: only with the same server, port, user name and security. */
export function smtpPasswordKept(saved: SmtpConfigDto | null, draft: Pick<SmtpDraft, 'host' | 'port' | 'user' | 'tls'>): boolean {
  if (!saved?.password.configured) return false;
  const port = toNumber(draft.port);
  return port !== null && smtpPasswordReusable(saved, { host: draft.host.trim(), port, user: draft.user.trim(), tls: draft.tls });
}

/** After saving: whether the provider could check the details, in the words of the toast. */
export function savedMessage(what: string, provider: string, config: CredentialCheckDto | null): string {
  if (!config || config.checkedAt !== null) return `${what} saved.`;
  return `${what} saved, but not checked with ${provider}: ${config.uncheckedReason ?? 'it did not answer'}. Send a test when you are back online.`;
}

/** "Saved, ends in ••••1a2b" for an empty secret box; what to type otherwise. */
export function secretPlaceholder(status: SecretStatusDto | null | undefined, kept: boolean, otherwise: string): string {
  if (!status?.configured || !kept) return otherwise;
  return status.last4 ? `Saved, ends in ••••${status.last4}` : 'Saved';
}

/** A phone number as people type it ("+1 (415) 555-0123") in the form Twilio wants ("+14155550123"). */
export function compactNumber(typed: string): string {
  return typed.replace(/[\s().-]/g, '');
}

export function twilioInput(draft: TwilioDraft, saved: TwilioConfigDto | null): FormResult<TwilioInput> {
  const issues: InputIssue[] = [];
  const secret = draft.secret.trim();
  if (secret === '' && !twilioSecretKept(saved, draft)) {
    issues.push({
      path: 'secret',
      message: draft.authKind === 'token' ? 'Enter the Auth Token from your Twilio Console' : 'Enter the API Key’s secret',
    });
  }
  const dailyCap = optionalCount(draft.dailyCap, 'dailyCap', 'Enter a number of texts, or leave it empty for no cap', issues);
  const input: TwilioInput = {
    accountSid: draft.accountSid.trim(),
    authKind: draft.authKind,
    apiKeySid: draft.authKind === 'apiKey' ? draft.apiKeySid.trim() : null,
    from: draft.sender === 'number' ? compactNumber(draft.from) : null,
    messagingServiceSid: draft.sender === 'service' ? draft.messagingServiceSid.trim() : null,
    dailyCap: dailyCap ?? null,
  };
  if (secret !== '') input.secret = secret;
  return finish(input, twilioConfigSchema.safeParse(input), issues);
}

export function smtpInput(draft: SmtpDraft, saved: SmtpConfigDto | null): FormResult<SmtpInput> {
  const issues: InputIssue[] = [];
  const password = draft.password.trim();
  if (password === '' && draft.user.trim() !== '' && !smtpPasswordKept(saved, draft)) {
    issues.push({ path: 'password', message: 'Enter the password for this mailbox' });
  }
  const port = toNumber(draft.port);
  if (port === null) issues.push({ path: 'port', message: 'Enter the port, e.g. 587' });
  const perDay = optionalCount(draft.perDay, 'perDay', 'Enter a number of emails, or leave it empty for no cap', issues);
  const input: SmtpInput = {
    host: draft.host.trim(),
    port: port ?? 0,
    tls: draft.tls,
    user: draft.user.trim(),
    fromName: draft.fromName.trim(),
    fromAddress: draft.fromAddress.trim(),
    replyTo: draft.replyTo.trim() === '' ? null : draft.replyTo.trim(),
    perDay: perDay ?? null,
  };
  if (password !== '') input.password = password;
  return finish(input, smtpConfigSchema.safeParse(input), issues);
}

/** An optional whole number: null when empty, undefined (and an issue) when it cannot be read. */
function optionalCount(value: NumberDraft, path: string, message: string, issues: InputIssue[]): number | null | undefined {
  if (typeof value === 'string' && value.trim() === '') return null;
  const number = toNumber(value);
  if (number === null) {
    issues.push({ path, message });
    return undefined;
  }
  return number;
}

interface Checked {
  success: boolean;
  error?: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
}

/** The form's own problems first, then the contract's, one per field. */
function finish<T>(input: T, checked: Checked, issues: InputIssue[]): FormResult<T> {
  const all = [...issues];
  for (const issue of checked.error?.issues ?? []) {
    const path = issue.path.map(String).join('.');
    if (!all.some((known) => known.path === path)) all.push({ path, message: issue.message });
  }
  return all.length > 0 ? { ok: false, issues: all } : { ok: true, input };
}
