import twilio from 'twilio';
import type { Clock } from '../../clock';
import { sentHash } from '../../delivery/sent-hash';
import type { AwaitedMessage, CredentialCheck, InboundText, LookupResult, OutgoingMessage, Provider, SendOutcome, SentMessage, StatusPage, StatusReport } from '../provider';
import { classifyTwilioError, deliveryErrorWords, OPTED_OUT_CODE } from './twilio-errors';
import { HeaderKeepingRequestClient, TwilioHttpError } from './twilio-http-client';

export interface TwilioAccount {
  accountSid: string;
  /** The Auth Token, or an API Key's secret when `apiKeySid` is set. */
  secret: string;
  apiKeySid: string | null;
  from: string | null;
  messagingServiceSid: string | null;
  /** Where the API lives; only tests change it. */
  baseUrl?: string;
  timeoutMs?: number;
}

type MessageInstance = Awaited<ReturnType<ReturnType<typeof twilio>['messages']['create']>>;

/** The most a page may hold, and what Twilio allows. */
const PAGE_SIZE = 1000;
/** Twilio's limits for ValidityPeriod, in seconds. */
const MIN_VALIDITY_S = 1;
const MAX_VALIDITY_S = 36_000;
/** Connection failures where the request never reached Twilio: safe to send again. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** How far from our claim a lost send's copy may be dated either way (clocks differ). */
const LOOKUP_SLACK_MS = 10 * 60_000;
/** A look-up reads at most this many pages of one number's messages; past them it cannot tell. */
const LOOKUP_PAGE_SIZE = 50;
const LOOKUP_MAX_PAGES = 20;
/** Replies are read at most this many pages per poll: a listing that never ends still ends here. */
const INBOUND_MAX_PAGES = 10;

const REPORTED_STATUSES: Record<string, StatusReport['status'] | undefined> = {
  sent: 'sent',
  delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
};

function twilioClient(account: TwilioAccount) {
  const client = twilio(account.apiKeySid ?? account.accountSid, account.secret, {
    accountSid: account.accountSid,
    httpClient: new HeaderKeepingRequestClient({ timeout: account.timeoutMs ?? 30_000, keepAlive: true }),
    // Empty edge and region keep TWILIO_EDGE / TWILIO_REGION in the environment from renaming the host.
    edge: '',
    region: '',
  });
  if (account.baseUrl) client.api.baseUrl = account.baseUrl;
  return client;
}

/**
 * Whether Twilio takes these credentials for this account: one list call of one message. Refused
 * credentials come back in the owner's words; when Twilio cannot be reached (offline), no verdict.
 */
export async function checkTwilioCredentials(account: TwilioAccount): Promise<CredentialCheck> {
  try {
    await twilioClient({ ...account, timeoutMs: account.timeoutMs ?? 10_000 }).messages.page({ pageSize: 1 });
    return { kind: 'accepted' };
  } catch (error) {
    if (!(error instanceof TwilioHttpError)) return { kind: 'unchecked', reason: 'no connection' };
    if (error.status === 401) {
      const secret = account.apiKeySid ? 'the API Key and its secret' : 'the Auth Token';
      return { kind: 'refused', message: `Twilio refused these details: copy the Account SID and ${secret} again from your Twilio Console.` };
    }
    if (error.status === 404) return { kind: 'refused', message: 'These credentials belong to another Twilio account: check the Account SID.' };
    return { kind: 'unchecked', reason: `Twilio answered with an error (HTTP ${error.status})` };
  }
}

/** Texts through a Twilio account, with the official SDK. */
export function createTwilioProvider(account: TwilioAccount, clock: Clock): Provider {
  const client = twilioClient(account);
  const sender = account.messagingServiceSid ? { messagingServiceSid: account.messagingServiceSid } : { from: account.from ?? '' };
  // A Messaging Service picks the sending number from its pool: its texts are not listed under ours.
  const senderFilter = account.messagingServiceSid ? undefined : account.from;

  return {
    id: `twilio:${account.accountSid}`,

    async send(message: OutgoingMessage): Promise<SendOutcome> {
      try {
        const created = await client.messages.create({
          to: message.to,
          body: message.body,
          ...sender,
          ...(message.validUntil && { validityPeriod: validitySeconds(message.validUntil, clock.now()) }),
        });
        return { kind: 'accepted', providerMessageId: created.sid };
      } catch (error) {
        return sendFailure(error);
      }
    },

    async fetchStatuses(awaited: AwaitedMessage[]): Promise<StatusReport[]> {
      const reports: StatusReport[] = [];
      for (const { providerMessageId } of awaited) {
        const report = toReport(await client.messages(providerMessageId).fetch());
        if (report) reports.push(report);
      }
      return reports;
    },

    async *statusPages(since: string, resumeFrom?: string): AsyncGenerator<StatusPage> {
      const first = resumeFrom
        ? client.messages.getPage(resumeFrom)
        : client.messages.page({
            dateSentAfter: new Date(since),
            ...(senderFilter && { from: senderFilter }),
            pageSize: PAGE_SIZE,
          });
      for await (const page of eachPage(first)) {
        const reports = page.instances.flatMap((m) => {
          const report = m.direction === 'inbound' ? undefined : toReport(m);
          return report ? [report] : [];
        });
        yield { reports, ...(page.nextPageUrl && { nextPage: page.nextPageUrl }) };
      }
    },

    async lookup(sent: SentMessage, taken: (providerMessageId: string) => boolean): Promise<LookupResult> {
      const claimedAt = Date.parse(sent.claimedAt);
      const [earliest, latest] = [claimedAt - LOOKUP_SLACK_MS, claimedAt + LOOKUP_SLACK_MS];
      try {
        // By recipient and sender, without a date filter: a message still queued at Twilio has no
        // DateSent yet. Newest first, so the walk stops once it passes the window.
        const listing = client.messages.page({ to: sent.to, ...(senderFilter && { from: senderFilter }), pageSize: LOOKUP_PAGE_SIZE });
        let pages = 0;
        for await (const page of eachPage(listing)) {
          for (const candidate of page.instances) {
            const created = candidate.dateCreated.getTime();
            if (created < earliest) return { kind: 'not_found' };
            if (created > latest || candidate.direction === 'inbound') continue;
            if (sentHash(candidate.body) === sent.bodyHash && !taken(candidate.sid)) return { kind: 'found', providerMessageId: candidate.sid };
          }
          if (++pages >= LOOKUP_MAX_PAGES && page.nextPageUrl) return { kind: 'cannot_tell' };
        }
        return { kind: 'not_found' };
      } catch {
        return { kind: 'cannot_tell' };
      }
    },

    async inbound(since: string): Promise<InboundText[]> {
      const found: InboundText[] = [];
      const after = Date.parse(since);
      const listing = client.messages.page({ dateSentAfter: new Date(since), ...(account.from && { to: account.from }), pageSize: PAGE_SIZE });
      let pages = 0;
      for await (const page of eachPage(listing)) {
        for (const m of page.instances) {
          if (m.direction !== 'inbound' || !m.dateSent || m.dateSent.getTime() <= after) continue;
          found.push({ providerMessageId: m.sid, from: m.from, to: m.to, body: m.body, receivedAt: m.dateSent.toISOString() });
        }
        if (++pages >= INBOUND_MAX_PAGES) break;
      }
      return found;
    },
  };
}

interface MessagePage {
  instances: MessageInstance[];
  nextPageUrl?: string;
  nextPage(): Promise<MessagePage> | undefined;
}

/** A listing, a page (one API call) at a time; the next page is asked for only when the caller reads on. */
async function* eachPage(first: Promise<MessagePage>): AsyncGenerator<MessagePage> {
  for (let page: MessagePage | undefined = await first; page; page = await page.nextPage()) {
    yield page;
  }
}

/** Seconds the text may wait at Twilio before it would land after `validUntil`. */
function validitySeconds(validUntil: Date, now: Date): number {
  const seconds = Math.floor((validUntil.getTime() - now.getTime()) / 1000);
  return Math.min(MAX_VALIDITY_S, Math.max(MIN_VALIDITY_S, seconds));
}

/** What Twilio says of a message, once it has left Twilio (before that there is nothing to record). */
function toReport(message: MessageInstance): StatusReport | undefined {
  const status = REPORTED_STATUSES[message.status];
  if (!status) return undefined;
  const price = message.price === null ? undefined : Math.abs(Number(message.price));
  return {
    providerMessageId: message.sid,
    status,
    ...(message.errorCode && {
      errorCode: String(message.errorCode),
      errorMessage: deliveryErrorWords(message.errorCode, message.errorMessage),
    }),
    ...(price !== undefined && Number.isFinite(price) && { price, priceUnit: message.priceUnit }),
  };
}

function sendFailure(error: unknown): SendOutcome {
  if (error instanceof TwilioHttpError) return httpFailure(error);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NOT_CONNECTED.has(code)) {
    return { kind: 'retry', code: 'unreachable', message: 'Twilio could not be reached.' };
  }
  // A timeout or a dropped connection after the request left: Twilio may have the message.
  return { kind: 'ambiguous', message: 'Twilio did not answer; checking with Twilio before sending again.' };
}

function httpFailure(error: TwilioHttpError): SendOutcome {
  if (error.status === 429 || error.code === 20429) {
    return {
      kind: 'retry',
      code: '20429',
      message: 'Twilio asked us to slow down.',
      ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
    };
  }
  if (error.status >= 500) {
    return { kind: 'ambiguous', message: `Twilio had a problem (HTTP ${error.status}); checking with Twilio before sending again.` };
  }
  const code = error.code ?? error.status;
  const { kind, words } = classifyTwilioError(code);
  if (kind === 'account' || error.status === 401 || error.status === 403) {
    return { kind: 'retry', code: String(code), message: words ?? error.message };
  }
  return { kind: 'rejected', code: String(code), message: words ?? error.message, ...(code === OPTED_OUT_CODE && { optedOut: true }) };
}
