import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { SmtpTlsMode } from '../../../../shared/sending';
import type { AwaitedMessage, CredentialCheck, OutgoingMessage, Provider, SendOutcome, StatusReport } from '../provider';

export interface SmtpAccount {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  user: string;
  password: string;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  /** Where "unsubscribe" emails go (List-Unsubscribe); the reply-to or from address. */
  unsubscribeAddress: string;
  /** Extra certificate authorities to trust; only tests set it. */
  ca?: string;
  timeoutMs?: number;
}

/** Failures where nothing reached the server: safe to send again. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface SmtpError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  command?: string;
  message?: string;
}

function smtpTransport(account: SmtpAccount, pooling: { pool: true; maxConnections: number } | { pool: false }) {
  return nodemailer.createTransport({
    ...pooling,
    host: account.host,
    port: account.port,
    secure: account.tls === 'implicit',
    requireTLS: account.tls === 'starttls',
    ignoreTLS: account.tls === 'none',
    ...(account.user && { auth: { user: account.user, pass: account.password } }),
    ...(account.ca && { tls: { ca: account.ca } }),
    connectionTimeout: account.timeoutMs ?? 30_000,
    greetingTimeout: account.timeoutMs ?? 30_000,
    socketTimeout: account.timeoutMs ?? 60_000,
  });
}

/**
 * Whether the mail server takes this user name and password: it connects and signs in, sending
 * nothing. Only a refused sign-in is a verdict; an unreachable server (offline) gives none.
 */
export async function checkSmtpLogin(account: SmtpAccount): Promise<CredentialCheck> {
  const transport = smtpTransport({ ...account, timeoutMs: account.timeoutMs ?? 10_000 }, { pool: false });
  try {
    await transport.verify();
    return { kind: 'accepted' };
  } catch (error) {
    return (error as SmtpError).code === 'EAUTH'
      ? { kind: 'refused', message: 'The mail server refused this user name and password.' }
      : { kind: 'unchecked', reason: 'no connection to the mail server' };
  } finally {
    transport.close();
  }
}

/**
 * Email through the salon's own mailbox, over one pooled SMTP connection. SMTP cannot be asked
 * whether a message arrived, so there is no lookup: an email cut off mid-send waits for the owner.
 */
export function createSmtpProvider(account: SmtpAccount): Provider {
  const transport = smtpTransport(account, { pool: true, maxConnections: 1 });
  const domain = account.fromAddress.slice(account.fromAddress.lastIndexOf('@') + 1);

  return {
    id: `smtp:${account.user || account.fromAddress}@${account.host}`,

    async send(message: OutgoingMessage): Promise<SendOutcome> {
      const messageId = uniqueMessageId(message.key, domain);
      try {
        await transport.sendMail({
          from: { name: account.fromName, address: account.fromAddress },
          to: message.to,
          ...(account.replyTo && { replyTo: account.replyTo }),
          subject: message.subject ?? '',
          text: message.body,
          ...(message.html && { html: message.html }),
          messageId,
          list: { unsubscribe: { url: `mailto:${account.unsubscribeAddress}?subject=unsubscribe`, comment: 'Unsubscribe' } },
        });
        return { kind: 'accepted', providerMessageId: messageId };
      } catch (error) {
        return smtpFailure(error as SmtpError);
      }
    },

    // A mail server that took the message has delivered it as far as SMTP can tell.
    async fetchStatuses(awaited: AwaitedMessage[]): Promise<StatusReport[]> {
      return awaited.map(({ providerMessageId }) => ({ providerMessageId, status: 'delivered' }));
    },

    async close() {
      transport.close();
    },
  };
}

/**
 * A Message-ID no other email ever had (RFC 5322): delivery numbers start again after a reinstall or
 * a restore, so the random part makes it unique and the delivery number only helps reading a log.
 * Nothing looks an email up by it: SMTP cannot be asked about a message once it is handed over.
 */
function uniqueMessageId(key: string, domain: string): string {
  return `<${randomUUID()}.d${key}@${domain}>`;
}

export function smtpFailure(error: SmtpError): SendOutcome {
  const code = error.responseCode;
  if (error.code === 'EAUTH') {
    return { kind: 'retry', code: 'smtp_auth', message: 'The mail server refused the user name or password: check Settings → Sending.' };
  }
  if (code !== undefined && code >= 400 && code < 500) {
    return { kind: 'retry', code: String(code), message: 'The mail server is busy right now.' };
  }
  if (code !== undefined && code >= 500) {
    return error.code === 'EENVELOPE'
      ? { kind: 'rejected', code: String(code), message: 'The mail server says this address does not exist or cannot receive mail.' }
      : { kind: 'rejected', code: String(code), message: `The mail server refused this email (${code}).` };
  }
  // nodemailer reports a connection cut after DATA as ECONNECTION too, so only failures that happen
  // before any mail command (no connection, no name, no TLS) are safe to send again.
  if (NEVER_CONNECTED.has(error.originalCode ?? '') || error.code === 'EDNS' || error.code === 'ETLS') {
    return { kind: 'retry', code: 'smtp_unreachable', message: 'The mail server could not be reached.' };
  }
  return {
    kind: 'ambiguous',
    message: 'The connection to the mail server was cut before it confirmed this email; it may have been sent.',
  };
}
