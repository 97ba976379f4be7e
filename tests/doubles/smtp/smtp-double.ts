/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 for tests: it authenticates,
 * speaks STARTTLS or implicit TLS with a throwaway certificate, stores and parses every
 * message, and fails on demand (4xx/5xx at RCPT or at the end of DATA, or by dropping the
 * connection after the whole message arrived, leaving the client unsure of the outcome).
 */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerAuthentication, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import { createSelfSignedCert } from '../tls/self-signed-cert';
import { parseMessage, type ParsedMessage } from './parse-message';

/** `none`: plaintext only. `starttls`: STARTTLS offered and required before MAIL FROM. `implicit`: TLS from the first byte. */
export type SmtpTlsMode = 'none' | 'starttls' | 'implicit';

export interface SmtpDoubleOptions {
  tls?: SmtpTlsMode;
  /** When set, AUTH PLAIN/LOGIN with exactly these credentials is required before MAIL FROM. */
  auth?: { user: string; pass: string };
  /** Advertised SIZE limit; larger messages get smtp-server's own 552. */
  maxMessageBytes?: number;
}

export type SmtpStage = 'rcpt' | 'data';

export interface SmtpFailure {
  /** SMTP reply code, e.g. 421, 451, 550, 552. A 421 also closes the connection (smtp-server does that). */
  code: number;
  message?: string;
  /** Where the reply is given; `rcpt` by default. */
  at?: SmtpStage;
}

export interface SmtpEnvelope {
  from: string;
  to: string[];
}

export interface ReceivedEmail extends ParsedMessage {
  /** 1-based arrival order. */
  seq: number;
  envelope: SmtpEnvelope;
  /** The RFC 822 source exactly as received (dot-unstuffed), decoded as UTF-8. */
  raw: string;
  /** The authenticated user, if any. */
  authUser?: string;
  /** Whether the session was under TLS when the message was sent. */
  secure: boolean;
  /** `accepted`: 250 was sent. `dropped`: stored, then the connection was cut with no reply. */
  outcome: 'accepted' | 'dropped';
}

export interface SmtpRejection {
  stage: 'auth' | 'mail' | 'rcpt' | 'data';
  code: number;
  envelope: SmtpEnvelope;
  /** The refused recipient, at the RCPT stage. */
  recipient?: string;
  /** The username tried, at the AUTH stage. */
  user?: string;
  /** Message-ID of a message refused at the end of DATA. */
  messageId?: string;
}

export interface SmtpDouble {
  host: '127.0.0.1';
  port: number;
  /** True in `implicit` mode: pass it as nodemailer's `secure`. */
  secure: boolean;
  /** PEM certificate of the double: give it to clients as `tls: { ca }`. */
  ca: string;
  /** Stored messages, accepted or dropped, in arrival order (live array). */
  readonly messages: readonly ReceivedEmail[];
  /** Every refusal the double gave, injected or not (live array). */
  readonly rejections: readonly SmtpRejection[];
  /** TCP connections accepted so far. */
  readonly connectionCount: number;
  /** Fails `address` (case-insensitive) `times` times (forever by default). */
  failRecipient(address: string, failure: SmtpFailure, times?: number): void;
  /** Fails the next `count` messages (transactions), whichever recipients they have. */
  failNextMessages(count: number, failure: SmtpFailure): void;
  /** Receives the next `count` messages in full, stores them, then destroys the connection without a reply. */
  dropNextAfterData(count?: number): void;
  /** Stored messages whose envelope includes `address`. */
  messagesTo(address: string): ReceivedEmail[];
  /** How many stored messages carry this Message-ID (angle brackets optional). */
  countByMessageId(messageId: string): number;
  /** The single stored message matching `predicate`; throws if there are none or several. */
  expectExactlyOne(predicate: (message: ReceivedEmail) => boolean): ReceivedEmail;
  /** Throws if any Message-ID was stored more than once. */
  assertNoDuplicates(): void;
  /** Forgets messages, rejections and injected failures. */
  reset(): void;
  close(): Promise<void>;
}

interface RecipientRule {
  address: string;
  failure: SmtpFailure;
  remaining: number;
}

interface CountedFailure {
  failure: SmtpFailure;
  remaining: number;
}

type DoneCallback = (err?: Error | null) => void;

const DEFAULT_MESSAGES: Record<number, string> = {
  421: 'Service not available, closing transmission channel',
  450: 'Mailbox unavailable, try again later',
  451: 'Local error in processing, try again later',
  452: 'Insufficient system storage',
  550: 'Mailbox unavailable',
  552: 'Exceeded storage allocation',
  553: 'Mailbox name not allowed',
  554: 'Transaction failed',
};

function smtpError(failure: SmtpFailure): Error & { responseCode: number } {
  const message = failure.message ?? DEFAULT_MESSAGES[failure.code] ?? 'Injected failure';
  return Object.assign(new Error(message), { responseCode: failure.code });
}

const normalizeAddress = (address: string): string => address.trim().toLowerCase();
const bareMessageId = (id: string): string => id.trim().replace(/^<|>$/g, '');

function envelopeOf(session: SMTPServerSession): SmtpEnvelope {
  const { mailFrom, rcptTo } = session.envelope;
  return { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((rcpt) => rcpt.address) };
}

function readStream(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Injected failures, consumed as they fire. */
class FailurePlan {
  recipientRules: RecipientRule[] = [];
  nextMessages: CountedFailure[] = [];
  dropsLeft = 0;
  /** Transactions (by session id) that took a counted RCPT-stage failure at MAIL FROM. */
  failingTransactions = new Map<string, SmtpFailure>();

  /** Called at MAIL FROM: a counted `rcpt` failure applies to every RCPT of this transaction. */
  beginTransaction(sessionId: string): void {
    this.failingTransactions.delete(sessionId);
    const counted = this.takeCounted('rcpt');
    if (counted) this.failingTransactions.set(sessionId, counted);
  }

  forRecipient(sessionId: string, address: string): SmtpFailure | undefined {
    return this.failingTransactions.get(sessionId) ?? this.takeRecipientRule([address], 'rcpt');
  }

  forData(recipients: string[]): SmtpFailure | undefined {
    return this.takeCounted('data') ?? this.takeRecipientRule(recipients, 'data');
  }

  takeDrop(): boolean {
    if (this.dropsLeft <= 0) return false;
    this.dropsLeft -= 1;
    return true;
  }

  private takeCounted(stage: SmtpStage): SmtpFailure | undefined {
    const entry = this.nextMessages.find((item) => (item.failure.at ?? 'rcpt') === stage && item.remaining > 0);
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry.failure;
  }

  private takeRecipientRule(addresses: string[], stage: SmtpStage): SmtpFailure | undefined {
    const wanted = new Set(addresses.map(normalizeAddress));
    const rule = this.recipientRules.find(
      (item) => wanted.has(item.address) && (item.failure.at ?? 'rcpt') === stage && item.remaining > 0,
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.failure;
  }
}

export async function startSmtpDouble(options: SmtpDoubleOptions = {}): Promise<SmtpDouble> {
  const mode = options.tls ?? 'none';
  const { cert, key } = createSelfSignedCert('smtp-double');
  const messages: ReceivedEmail[] = [];
  const rejections: SmtpRejection[] = [];
  const plan = new FailurePlan();
  const rawSockets = new Map<number, Socket>(); // by client port
  const tlsSockets = new Map<string, Socket>(); // by session id
  let connectionCount = 0;

  const reject = (rejection: SmtpRejection, failure: SmtpFailure, callback: DoneCallback): void => {
    rejections.push(rejection);
    callback(smtpError(failure));
  };

  const onAuth = (
    auth: SMTPServerAuthentication,
    session: SMTPServerSession,
    callback: (err: Error | null | undefined, response?: { user?: string }) => void,
  ): void => {
    const expected = options.auth;
    if (expected && auth.username === expected.user && auth.password === expected.pass) {
      callback(null, { user: auth.username });
      return;
    }
    rejections.push({ stage: 'auth', code: 535, envelope: envelopeOf(session), user: auth.username });
    callback(smtpError({ code: 535, message: 'Authentication credentials invalid' }));
  };

  const onMailFrom = (_address: unknown, session: SMTPServerSession, callback: DoneCallback): void => {
    if (mode === 'starttls' && !session.secure) {
      reject({ stage: 'mail', code: 530, envelope: envelopeOf(session) }, { code: 530, message: 'Must issue a STARTTLS command first' }, callback);
      return;
    }
    plan.beginTransaction(session.id);
    callback();
  };

  const onRcptTo = (address: { address: string }, session: SMTPServerSession, callback: DoneCallback): void => {
    const failure = plan.forRecipient(session.id, address.address);
    if (failure) {
      reject({ stage: 'rcpt', code: failure.code, envelope: envelopeOf(session), recipient: address.address }, failure, callback);
      return;
    }
    callback();
  };

  const store = (raw: Buffer, session: SMTPServerSession, outcome: ReceivedEmail['outcome']): ReceivedEmail => {
    const email: ReceivedEmail = {
      ...parseMessage(raw),
      seq: messages.length + 1,
      envelope: envelopeOf(session),
      raw: raw.toString('utf8'),
      authUser: typeof session.user === 'string' ? session.user : undefined,
      secure: session.secure,
      outcome,
    };
    messages.push(email);
    return email;
  };

  const dropConnection = (session: SMTPServerSession): void => {
    const socket = tlsSockets.get(session.id) ?? rawSockets.get(session.remotePort);
    socket?.destroy();
  };

  const onData = (stream: SMTPServerDataStream, session: SMTPServerSession, callback: DoneCallback): void => {
    readStream(stream).then(
      (raw) => {
        if (stream.sizeExceeded) {
          callback(); // smtp-server answers 552 itself
          return;
        }
        if (plan.takeDrop()) {
          store(raw, session, 'dropped');
          dropConnection(session); // the callback is never called: no reply at all
          return;
        }
        const failure = plan.forData(envelopeOf(session).to);
        if (failure) {
          const messageId = parseMessage(raw).messageId;
          reject({ stage: 'data', code: failure.code, envelope: envelopeOf(session), messageId }, failure, callback);
          return;
        }
        store(raw, session, 'accepted');
        callback();
      },
      (err: Error) => callback(err),
    );
  };

  const server = new SMTPServer({
    secure: mode === 'implicit',
    key,
    cert,
    name: 'smtp-double.test',
    logger: false,
    disableReverseLookup: true,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: !options.auth,
    allowInsecureAuth: mode === 'none',
    disabledCommands: mode === 'none' ? ['STARTTLS'] : [],
    size: options.maxMessageBytes,
    closeTimeout: 1000,
    onAuth,
    onMailFrom,
    onRcptTo,
    onData,
    onSecure: (socket, session, callback) => {
      tlsSockets.set(session.id, socket);
      callback();
    },
    onClose: (session) => {
      tlsSockets.delete(session.id);
      plan.failingTransactions.delete(session.id);
    },
  });
  // smtp-server logs and carries on after client-side socket errors; a test server must not crash on them.
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    connectionCount += 1;
    const port = socket.remotePort ?? 0;
    rawSockets.set(port, socket);
    socket.once('close', () => rawSockets.delete(port));
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  const byMessageId = (messageId: string): ReceivedEmail[] =>
    messages.filter((message) => message.messageId !== undefined && bareMessageId(message.messageId) === bareMessageId(messageId));

  return {
    host: '127.0.0.1',
    port,
    secure: mode === 'implicit',
    ca: cert,
    messages,
    rejections,
    get connectionCount() {
      return connectionCount;
    },
    failRecipient(address, failure, times = Number.POSITIVE_INFINITY) {
      plan.recipientRules.push({ address: normalizeAddress(address), failure, remaining: times });
    },
    failNextMessages(count, failure) {
      plan.nextMessages.push({ failure, remaining: count });
    },
    dropNextAfterData(count = 1) {
      plan.dropsLeft += count;
    },
    messagesTo(address) {
      const wanted = normalizeAddress(address);
      return messages.filter((message) => message.envelope.to.some((to) => normalizeAddress(to) === wanted));
    },
    countByMessageId(messageId) {
      return byMessageId(messageId).length;
    },
    expectExactlyOne(predicate) {
      const matches = messages.filter(predicate);
      if (matches.length !== 1 || !matches[0]) {
        throw new Error(`expected exactly one matching message, found ${matches.length}`);
      }
      return matches[0];
    },
    assertNoDuplicates() {
      const seen = new Map<string, number>();
      for (const message of messages) {
        if (message.messageId) seen.set(bareMessageId(message.messageId), (seen.get(bareMessageId(message.messageId)) ?? 0) + 1);
      }
      const duplicates = [...seen].filter(([, count]) => count > 1).map(([id, count]) => `${id} ×${count}`);
      if (duplicates.length > 0) throw new Error(`messages stored more than once: ${duplicates.join(', ')}`);
    },
    reset() {
      messages.length = 0;
      rejections.length = 0;
      plan.recipientRules = [];
      plan.nextMessages = [];
      plan.dropsLeft = 0;
      plan.failingTransactions.clear();
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Pooled clients keep idle connections open; cut them rather than wait out closeTimeout.
        // TLS layers first: tearing a TLS wrap down from below is what smtp-server warns about.
        for (const socket of tlsSockets.values()) socket.destroy();
        for (const socket of rawSockets.values()) socket.destroy();
      });
    },
  };
}
