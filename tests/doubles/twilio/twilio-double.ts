import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  CREATE_MESSAGE,
  FETCH_MESSAGE,
  LIST_MESSAGES,
  twilioOpenApi,
  type Operation,
  type Params,
} from './openapi-check';

/**
 * A stateful stand-in for Twilio's Messages API (2010-04-01) on 127.0.0.1, for tests that drive the real
 * `twilio` SDK. Every request it receives and every body it returns is checked against Twilio's OpenAPI
 * description; mismatches collect in `violations` (call `expectNoViolations()` in afterEach).
 *
 * Time only moves when the test says so (`advance`, `settle`), so status progressions are deterministic.
 */

// ---------------------------------------------------------------------------------------------------------------
// Public types

/** The same shape as the core's Clock (electron/core/clock.ts). */
export interface Clock {
  now(): Date;
}

export type MessageStatus =
  | 'accepted'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'undelivered'
  | 'failed'
  | 'received';
export type Direction = 'inbound' | 'outbound-api';

/** A Message resource exactly as Twilio's JSON names it. */
export interface MessageJson {
  account_sid: string;
  api_version: '2010-04-01';
  body: string;
  date_created: string;
  date_sent: string | null;
  date_updated: string;
  direction: Direction;
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string | null;
  sid: string;
  status: MessageStatus;
  subresource_uris: Record<string, string>;
  to: string;
  uri: string;
}

export interface TwilioErrorJson {
  code: number;
  message: string;
  more_info: string;
  status: number;
  detail?: string;
}

export type DeliveryOutcome =
  | { status: 'delivered' }
  /** The carrier never reports back: the message stays "sent" for good. */
  | { status: 'sent' }
  | { status: 'undelivered' | 'failed'; errorCode: number; errorMessage?: string };

export type Fault =
  /** 429, Twilio code 20429, with a Retry-After header (default 1 s; null: none, as Twilio often answers). */
  | { kind: 'rate-limit'; retryAfterSeconds?: number | null }
  /** 500, Twilio code 20500. */
  | { kind: 'server-error' }
  /** Any Twilio error response. */
  | { kind: 'error'; status: number; code: number; message: string }
  /** Never answer; the client has to give up. With `store`, a create still stores the message first. */
  | { kind: 'hang'; store?: boolean }
  /** Destroy the socket without a response. With `store` (accept-then-drop), a create stores the message first. */
  | { kind: 'drop'; store?: boolean };

export type RequestKind = 'create' | 'fetch' | 'list' | 'other';

export interface FaultOptions {
  /** Which requests the fault applies to; default 'create'. */
  on?: RequestKind | 'any';
  /** Only creates to this number. */
  to?: string;
  /** How many matching requests it applies to; default 1, Infinity for a standing rule. */
  times?: number;
}

export interface RequestRecord {
  kind: RequestKind;
  method: string;
  path: string;
  query: Params;
  form: Params;
  /** The status sent, or what happened instead. */
  outcome: number | 'hung' | 'dropped';
  /** When it arrived, on the double's clock. */
  atMs: number;
}

export interface TwilioDoubleOptions {
  accountSid?: string;
  authToken?: string;
  /** API key SID (SK...) → secret, also accepted as Basic credentials. */
  apiKeys?: Record<string, string>;
  /** The base clock; `advance()` adds to it. Default: frozen at 2025-03-03T09:00:00Z. */
  clock?: Clock;
  /** Time between status steps (accepted → queued → sending → sent → final); default 1000 ms. */
  statusStepMs?: number;
  /** Price of one segment in `priceUnit`; default 0.0079 (reported negative, as Twilio does). */
  pricePerSegment?: number;
  priceUnit?: string;
  /** When given, a From outside this list is refused with 21606. The first is used for service sends and inbound. */
  senders?: string[];
  /**
   * Enforce the account's sending rate on creates: a bucket of `perSecond` tokens refilled continuously;
   * a create finding it empty is refused with 429 / 20429 and counted in overLimitRejections().
   */
  rateLimit?: { perSecond: number };
  /**
   * Twilio's list is eventually consistent: a message is listed only once it is this old (ms, on the
   * double's clock). Creates and fetches by SID see it at once. Default 0.
   */
  listLagMs?: number;
  /** Every list page has a next page, the last one leading back to the first: a listing that never ends. */
  endlessPages?: boolean;
  /** Answer Twilio's magic test numbers (+15005550001 → 21211, …0002 → 21612, …0003 → 21408, …0004 → 21610, …0009 → 21614). Default true. */
  magicTestNumbers?: boolean;
}

export interface InboundMessage {
  from: string;
  body: string;
  /** Default: the first sender. */
  to?: string;
}

export interface OutboundMessage {
  to: string;
  body: string;
  from?: string;
  messagingServiceSid?: string;
}

export interface TwilioDouble {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** OpenAPI mismatches seen so far (requests received and responses sent). */
  readonly violations: readonly string[];
  expectNoViolations(): void;
  clearViolations(): void;

  now(): Date;
  advance(ms: number): void;
  /** Advance just far enough for every message to reach its final status. */
  settle(): void;

  failNext(fault: Fault, options?: FaultOptions): void;
  /** Drop every fault still queued or standing: the outage is over. */
  clearFaults(): void;
  /** Change the list lag (see TwilioDoubleOptions.listLagMs). */
  setListLag(ms: number): void;
  /** Turn endless list pages on or off (see TwilioDoubleOptions.endlessPages). */
  setEndlessPages(on: boolean): void;
  /** Creates refused because they came faster than `rateLimit` allows. */
  overLimitRejections(): number;
  /** Creates to this number are refused with this Twilio code (e.g. 21211, 21610, 21408, 21614). */
  rejectNumber(to: string, code: number, message?: string): void;
  /** How messages to this number end; default delivered. */
  setOutcome(to: string, outcome: DeliveryOutcome): void;
  addApiKey(sid: string, secret: string): void;

  /** A message from a client to us; STOP-type keywords opt the client out (later creates get 21610). */
  addInbound(message: InboundMessage): MessageJson;
  /** Stores an outbound message as if created through the API, without an HTTP request (for seeding). */
  addOutbound(message: OutboundMessage): MessageJson;

  /** Every stored message as Twilio would return it now, oldest first. */
  messages(direction?: Direction): MessageJson[];
  message(sid: string): MessageJson | undefined;
  /** The form parameters a create request carried, by message SID. */
  createParams(sid: string): Params | undefined;
  requestCounts(): Record<RequestKind, number>;
  requests(): readonly RequestRecord[];
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Message model

interface Stage {
  status: MessageStatus;
  atMs: number;
  errorCode?: number;
  errorMessage?: string;
}

interface StoredMessage {
  seq: number;
  sid: string;
  direction: Direction;
  to: string;
  from: string;
  body: string;
  messagingServiceSid: string | null;
  createdAtMs: number;
  numSegments: number;
  /** Ascending by time; the first starts at creation. */
  stages: Stage[];
  params: Params;
}

const API_VERSION = '2010-04-01';
const DEFAULT_START = Date.parse('2025-03-03T09:00:00Z');
const DEFAULT_SENDER = '+15005550006';
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const MAX_BODY_CHARS = 1600;
const FINAL: ReadonlySet<MessageStatus> = new Set(['delivered', 'undelivered', 'failed', 'received']);

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** SMS segments: GSM-7 160 (153 per part when split), otherwise UCS-2 70 (67 per part), UTF-16 units. */
export function countSegments(body: string): number {
  let septets = 0;
  for (const char of body) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENDED.has(char)) septets += 2;
    else return body.length <= 70 ? 1 : Math.ceil(body.length / 67);
  }
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}

const DELIVERY_ERRORS: Record<number, string> = {
  30001: 'Queue overflow',
  30003: 'Unreachable destination handset',
  30004: 'Message blocked',
  30005: 'Unknown destination handset',
  30006: 'Landline or unreachable carrier',
  30007: 'Message filtered',
  30008: 'Unknown error',
};

const OPT_OUT_KEYWORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN_KEYWORDS = new Set(['START', 'YES', 'UNSTOP']);

function rejectionMessage(code: number, to: string): string {
  const messages: Record<number, string> = {
    21211: `The 'To' number ${to} is not a valid phone number.`,
    21408: `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`,
    21608: `The number ${to} is unverified. Trial accounts cannot send messages to unverified numbers.`,
    21610: 'Attempt to send to unsubscribed recipient',
    21612: `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number via SMS.`,
    21614: "'To' number is not a valid mobile number",
  };
  return messages[code] ?? `Error ${code}`;
}

const MAGIC_TO: Record<string, number> = {
  '+15005550001': 21211,
  '+15005550002': 21612,
  '+15005550003': 21408,
  '+15005550004': 21610,
  '+15005550009': 21614,
};

function sid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

function money(amount: number): string {
  return amount.toFixed(5);
}

function outboundStages(createdAtMs: number, stepMs: number, viaService: boolean, outcome: DeliveryOutcome): Stage[] {
  const stages: Stage[] = [];
  let at = createdAtMs;
  const push = (stage: Omit<Stage, 'atMs'>): void => {
    stages.push({ ...stage, atMs: at });
    at += stepMs;
  };
  if (viaService) push({ status: 'accepted' });
  push({ status: 'queued' });
  if (outcome.status === 'failed') {
    push(withError('failed', outcome.errorCode, outcome.errorMessage));
    return stages;
  }
  push({ status: 'sending' });
  push({ status: 'sent' });
  if (outcome.status === 'sent') return stages;
  push(outcome.status === 'delivered' ? { status: 'delivered' } : withError('undelivered', outcome.errorCode, outcome.errorMessage));
  return stages;
}

function withError(status: MessageStatus, errorCode: number, errorMessage?: string): Omit<Stage, 'atMs'> {
  return { status, errorCode, errorMessage: errorMessage ?? DELIVERY_ERRORS[errorCode] ?? 'Unknown error' };
}

function stageAt(message: StoredMessage, nowMs: number): Stage {
  let current = message.stages[0];
  if (!current) throw new Error(`message ${message.sid} has no status`);
  for (const stage of message.stages) if (stage.atMs <= nowMs) current = stage;
  return current;
}

function firstStageAtMs(message: StoredMessage, status: MessageStatus, nowMs: number): number | undefined {
  return message.stages.find((stage) => stage.status === status && stage.atMs <= nowMs)?.atMs;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP plumbing

class HttpError {
  constructor(
    readonly status: number,
    readonly code: number,
    readonly message: string,
    readonly headers: Record<string, string> = {},
    readonly detail?: string,
  ) {}

  json(): TwilioErrorJson {
    const body: TwilioErrorJson = {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
    return this.detail === undefined ? body : { ...body, detail: this.detail };
  }
}

interface Route {
  kind: RequestKind;
  op: Operation;
  pathParams: Record<string, string>;
}

const MESSAGES_RE = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const MESSAGE_RE = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/;

function matchRoute(method: string, pathname: string): Route | undefined {
  const list = MESSAGES_RE.exec(pathname);
  if (list?.[1] !== undefined) {
    const pathParams = { AccountSid: decodeURIComponent(list[1]) };
    if (method === 'POST') return { kind: 'create', op: CREATE_MESSAGE, pathParams };
    if (method === 'GET') return { kind: 'list', op: LIST_MESSAGES, pathParams };
  }
  const one = MESSAGE_RE.exec(pathname);
  if (one?.[1] !== undefined && one[2] !== undefined && method === 'GET') {
    return { kind: 'fetch', op: FETCH_MESSAGE, pathParams: { AccountSid: decodeURIComponent(one[1]), Sid: decodeURIComponent(one[2]) } };
  }
  return undefined;
}

function toParams(search: URLSearchParams): Params {
  const params: Params = {};
  for (const [key, value] of search) {
    const seen = params[key];
    params[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

function single(params: Params, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function basicCredentials(header: string | undefined): { user: string; pass: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}

// ---------------------------------------------------------------------------------------------------------------
// Paging

const FILTER_KEYS = ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>'] as const;
type Filters = [string, string][];

/**
 * Twilio's `DateSent` filters compare GMT days (the SDK documents `YYYY-MM-DD`, though it sends a full
 * timestamp): `DateSent` is that day, `DateSent<` on or before it, `DateSent>` on or after it.
 */
function dateSentMatches(key: string, value: string, sentMs: number): boolean {
  const asked = Date.parse(value);
  if (Number.isNaN(asked)) return true;
  const sentDay = new Date(sentMs).toISOString().slice(0, 10);
  const askedDay = new Date(asked).toISOString().slice(0, 10);
  if (key === 'DateSent<') return sentDay <= askedDay;
  if (key === 'DateSent>') return sentDay >= askedDay;
  return sentDay === askedDay;
}

function pageUri(base: string, filters: Filters, pageSize: number, page: number, token?: string): string {
  const pairs: [string, string][] = [...filters, ['PageSize', String(pageSize)], ['Page', String(page)]];
  if (token) pairs.push(['PageToken', token]);
  return `${base}?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')}`;
}

/** Where a page starts: after the SID in a "PA" (page after) token, before one in "PB", else by page number. */
function pageStart(sids: string[], token: string | undefined, page: number, pageSize: number): number {
  const index = token ? sids.indexOf(token.slice(2)) : -1;
  if (token?.startsWith('PA') && index >= 0) return index + 1;
  if (token?.startsWith('PB') && index >= 0) return Math.max(0, index - pageSize);
  return page * pageSize;
}

function intParam(value: string | undefined, fallback: number): number {
  const parsed = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

// ---------------------------------------------------------------------------------------------------------------
// The double

interface QueuedFault {
  fault: Fault;
  on: RequestKind | 'any';
  to?: string;
  remaining: number;
}

class TwilioDoubleImpl {
  readonly accountSid: string;
  readonly authToken: string;
  baseUrl = '';
  readonly violations: string[] = [];

  private readonly api = twilioOpenApi();
  private readonly server: Server;
  private readonly apiKeys = new Map<string, string>();
  private readonly baseClock: Clock;
  private offsetMs = 0;
  private readonly stepMs: number;
  private readonly pricePerSegment: number;
  private readonly priceUnit: string;
  private readonly senders: string[] | undefined;
  private readonly magicTestNumbers: boolean;

  private readonly store: StoredMessage[] = [];
  private readonly bySid = new Map<string, StoredMessage>();
  private readonly faults: QueuedFault[] = [];
  private readonly rejections = new Map<string, { code: number; message?: string }>();
  private readonly outcomes = new Map<string, DeliveryOutcome>();
  private readonly optedOut = new Set<string>();
  private readonly log: RequestRecord[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private readonly rateLimit: { perSecond: number } | undefined;
  private bucket = { tokens: 0, atMs: 0 };
  listLagMs: number;
  endlessPages: boolean;
  private overLimit = 0;

  constructor(options: TwilioDoubleOptions) {
    this.accountSid = options.accountSid ?? sid('AC');
    this.authToken = options.authToken ?? randomBytes(16).toString('hex');
    for (const [key, secret] of Object.entries(options.apiKeys ?? {})) this.apiKeys.set(key, secret);
    this.baseClock = options.clock ?? { now: () => new Date(DEFAULT_START) };
    this.stepMs = options.statusStepMs ?? 1000;
    this.pricePerSegment = options.pricePerSegment ?? 0.0079;
    this.priceUnit = options.priceUnit ?? 'USD';
    this.senders = options.senders;
    this.magicTestNumbers = options.magicTestNumbers ?? true;
    this.rateLimit = options.rateLimit;
    this.listLagMs = options.listLagMs ?? 0;
    this.endlessPages = options.endlessPages ?? false;
    this.bucket = { tokens: options.rateLimit?.perSecond ?? 0, atMs: this.nowMs() };
    // handle() answers every failure it can; what is left (a client aborting mid-body) only needs the socket gone.
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the Twilio double is not listening on TCP');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- clock -----------------------------------------------------------------------------------------------

  nowMs(): number {
    return this.baseClock.now().getTime() + this.offsetMs;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('the double cannot go back in time');
    this.offsetMs += ms;
  }

  settle(): void {
    const now = this.nowMs();
    const lastStage = this.store.reduce((latest, message) => Math.max(latest, message.stages.at(-1)?.atMs ?? 0), now);
    this.advance(lastStage - now);
  }

  // --- control -----------------------------------------------------------------------------------------------

  failNext(fault: Fault, options: FaultOptions = {}): void {
    this.faults.push({ fault, on: options.on ?? 'create', to: options.to, remaining: options.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.splice(0);
  }

  overLimitRejections(): number {
    return this.overLimit;
  }

  rejectNumber(to: string, code: number, message?: string): void {
    this.rejections.set(to, { code, message });
  }

  setOutcome(to: string, outcome: DeliveryOutcome): void {
    this.outcomes.set(to, outcome);
  }

  addApiKey(key: string, secret: string): void {
    this.apiKeys.set(key, secret);
  }

  addInbound(inbound: InboundMessage): MessageJson {
    const keyword = inbound.body.trim().toUpperCase();
    if (OPT_OUT_KEYWORDS.has(keyword)) this.optedOut.add(inbound.from);
    if (OPT_IN_KEYWORDS.has(keyword)) this.optedOut.delete(inbound.from);
    const now = this.nowMs();
    const message = this.save({
      direction: 'inbound',
      to: inbound.to ?? this.defaultSender(),
      from: inbound.from,
      body: inbound.body,
      messagingServiceSid: null,
      stages: [{ status: 'received', atMs: now }],
      params: {},
    });
    return this.toJson(message);
  }

  addOutbound(outbound: OutboundMessage): MessageJson {
    return this.toJson(this.createOutbound(outbound, {}));
  }

  messages(direction?: Direction): MessageJson[] {
    return this.store.filter((message) => !direction || message.direction === direction).map((message) => this.toJson(message));
  }

  message(messageSid: string): MessageJson | undefined {
    const message = this.bySid.get(messageSid);
    return message && this.toJson(message);
  }

  createParams(messageSid: string): Params | undefined {
    return this.bySid.get(messageSid)?.params;
  }

  requestCounts(): Record<RequestKind, number> {
    const counts: Record<RequestKind, number> = { create: 0, fetch: 0, list: 0, other: 0 };
    for (const record of this.log) counts[record.kind] += 1;
    return counts;
  }

  requests(): readonly RequestRecord[] {
    return [...this.log];
  }

  expectNoViolations(): void {
    if (this.violations.length === 0) return;
    throw new Error(`The Twilio double saw ${this.violations.length} OpenAPI violation(s):\n- ${this.violations.join('\n- ')}`);
  }

  // --- storage -----------------------------------------------------------------------------------------------

  private defaultSender(): string {
    return this.senders?.[0] ?? DEFAULT_SENDER;
  }

  private createOutbound(outbound: OutboundMessage, params: Params): StoredMessage {
    const now = this.nowMs();
    const viaService = outbound.messagingServiceSid !== undefined;
    const outcome = this.outcomes.get(outbound.to) ?? { status: 'delivered' };
    return this.save({
      direction: 'outbound-api',
      to: outbound.to,
      from: outbound.from ?? this.defaultSender(),
      body: outbound.body,
      messagingServiceSid: outbound.messagingServiceSid ?? null,
      stages: outboundStages(now, this.stepMs, viaService, outcome),
      params,
    });
  }

  private save(fields: Omit<StoredMessage, 'seq' | 'sid' | 'createdAtMs' | 'numSegments'>): StoredMessage {
    const message: StoredMessage = {
      ...fields,
      seq: this.store.length,
      sid: sid('SM'),
      createdAtMs: this.nowMs(),
      numSegments: countSegments(fields.body),
    };
    this.store.push(message);
    this.bySid.set(message.sid, message);
    return message;
  }

  private toJson(message: StoredMessage): MessageJson {
    const now = this.nowMs();
    const stage = stageAt(message, now);
    const final = FINAL.has(stage.status);
    const uri = `/${API_VERSION}/Accounts/${this.accountSid}/Messages/${message.sid}`;
    const sentAt = message.direction === 'inbound' ? message.createdAtMs : firstStageAtMs(message, 'sent', now);
    // A service send has no sender until Twilio picks one from the pool, when it leaves "accepted".
    const from = stage.status === 'accepted' ? null : message.from;
    const charged = final && stage.status !== 'failed' ? message.numSegments * this.pricePerSegment : 0;
    return {
      account_sid: this.accountSid,
      api_version: API_VERSION,
      body: message.body,
      date_created: rfc2822(message.createdAtMs),
      date_sent: sentAt === undefined ? null : rfc2822(sentAt),
      date_updated: rfc2822(stage.atMs),
      direction: message.direction,
      error_code: stage.errorCode ?? null,
      error_message: stage.errorMessage ?? null,
      from,
      messaging_service_sid: message.messagingServiceSid,
      num_media: '0',
      num_segments: String(message.numSegments),
      price: final ? money(-charged) : null,
      price_unit: final ? this.priceUnit : null,
      sid: message.sid,
      status: stage.status,
      subresource_uris: { media: `${uri}/Media.json`, feedback: `${uri}/Feedback.json` },
      to: message.to,
      uri: `${uri}.json`,
    };
  }

  // --- requests ----------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    const method = req.method ?? 'GET';
    const route = matchRoute(method, url.pathname);
    const query = toParams(url.searchParams);
    const form = text === '' ? {} : toParams(new URLSearchParams(text));
    const record: RequestRecord = { kind: route?.kind ?? 'other', method, path: url.pathname, query, form, outcome: 0, atMs: this.nowMs() };
    this.log.push(record);
    if (!route) return this.notImplemented(res, record);
    this.violations.push(
      ...this.api.checkRequest(route.op, {
        pathParams: route.pathParams,
        query,
        form: text === '' && method === 'GET' ? undefined : form,
        contentType: req.headers['content-type'],
      }),
    );
    try {
      this.authenticate(req, route, url.pathname);
      const fault = this.takeFault(route.kind, single(form, 'To'));
      if (fault) return this.applyFault(fault, route, form, res, record);
      if (route.kind === 'create' && !this.takeRateToken()) {
        this.overLimit += 1;
        return this.applyFault({ kind: 'rate-limit', retryAfterSeconds: 1 }, route, form, res, record);
      }
      this.respond(res, record, route.op, ...this.serve(route, url, form));
    } catch (error) {
      if (error instanceof HttpError) return this.respond(res, record, route.op, error.status, error.json(), error.headers);
      // A bug in the double must fail the test, not just surface as a confusing client error.
      this.violations.push(`the double failed on ${method} ${url.pathname}: ${String(error)}`);
      this.write(res, record, 500, new HttpError(500, 20500, 'Internal Server Error').json(), {});
    }
  }

  private serve(route: Route, url: URL, form: Params): [number, unknown] {
    if (route.kind === 'create') return [201, this.toJson(this.createFromForm(form))];
    if (route.kind === 'list') return [200, this.listPage(url)];
    return [200, this.fetch(route.pathParams.Sid ?? '', url.pathname)];
  }

  private notImplemented(res: ServerResponse, record: RequestRecord): void {
    this.violations.push(`the double does not implement ${record.method} ${record.path}`);
    const error = new HttpError(404, 20404, `The requested resource ${record.path} was not found`);
    this.write(res, record, error.status, error.json(), {});
  }

  private authenticate(req: IncomingMessage, route: Route, path: string): void {
    const credentials = basicCredentials(req.headers.authorization);
    const valid =
      credentials !== undefined &&
      ((credentials.user === this.accountSid && credentials.pass === this.authToken) || this.apiKeys.get(credentials.user) === credentials.pass);
    if (!valid) {
      throw new HttpError(401, 20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' }, 'Your AccountSid or AuthToken was incorrect.');
    }
    if (route.pathParams.AccountSid !== this.accountSid) {
      // Valid credentials for another account's resources: Twilio answers as if the resource did not exist.
      throw new HttpError(404, 20404, `The requested resource ${path} was not found`);
    }
  }

  /** Whether the account's rate leaves room for one more create now (always, without a rate limit). */
  private takeRateToken(): boolean {
    if (!this.rateLimit) return true;
    const { perSecond } = this.rateLimit;
    const now = this.nowMs();
    const tokens = Math.min(perSecond, this.bucket.tokens + ((now - this.bucket.atMs) / 1000) * perSecond);
    this.bucket = { tokens, atMs: now };
    if (tokens < 1) return false;
    this.bucket.tokens -= 1;
    return true;
  }

  private takeFault(kind: RequestKind, to: string | undefined): Fault | undefined {
    const index = this.faults.findIndex((entry) => (entry.on === 'any' || entry.on === kind) && (!entry.to || entry.to === to));
    const entry = this.faults[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  private applyFault(fault: Fault, route: Route, form: Params, res: ServerResponse, record: RequestRecord): void {
    switch (fault.kind) {
      case 'rate-limit': {
        const retryAfter: Record<string, string> = fault.retryAfterSeconds === null ? {} : { 'Retry-After': String(fault.retryAfterSeconds ?? 1) };
        const error = new HttpError(429, 20429, 'Too Many Requests', retryAfter);
        return this.respond(res, record, route.op, error.status, error.json(), error.headers);
      }
      case 'server-error':
        return this.respond(res, record, route.op, 500, new HttpError(500, 20500, 'Internal Server Error').json());
      case 'error':
        return this.respond(res, record, route.op, fault.status, new HttpError(fault.status, fault.code, fault.message).json());
      case 'hang':
        if (fault.store && route.kind === 'create') this.createFromForm(form);
        record.outcome = 'hung';
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      case 'drop':
        if (fault.store && route.kind === 'create') this.createFromForm(form);
        record.outcome = 'dropped';
        res.socket?.destroy();
        return;
    }
  }

  private respond(res: ServerResponse, record: RequestRecord, op: Operation, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.violations.push(...this.api.checkResponse(op, status, body));
    this.write(res, record, status, body, headers);
  }

  private write(res: ServerResponse, record: RequestRecord, status: number, body: unknown, headers: Record<string, string>): void {
    record.outcome = status;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Twilio-Request-Id': sid('RQ'), ...headers });
    res.end(JSON.stringify(body));
  }

  // --- operations --------------------------------------------------------------------------------------------

  /** Twilio's own checks on a create, in its order: returns the body to store, or throws the error Twilio answers. */
  private vetCreate(to: string | undefined, from: string | undefined, service: string | undefined, form: Params): string {
    const body = single(form, 'Body') ?? '';
    if (!to) throw new HttpError(400, 21604, "A 'To' phone number is required.");
    if (!from && !service) throw new HttpError(400, 21603, "A 'From' phone number is required.");
    if (body === '' && form.MediaUrl === undefined && form.ContentSid === undefined) throw new HttpError(400, 21602, 'Message body is required.');
    if (body.length > MAX_BODY_CHARS) throw new HttpError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    if (from && this.senders && !this.senders.includes(from)) {
      throw new HttpError(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`);
    }
    const rule = this.rejections.get(to) ?? this.magicRule(to);
    if (rule) throw new HttpError(400, rule.code, rule.message ?? rejectionMessage(rule.code, to));
    if (!/^\+[1-9]\d{1,14}$/.test(to)) throw new HttpError(400, 21211, rejectionMessage(21211, to));
    if (this.optedOut.has(to)) throw new HttpError(400, 21610, rejectionMessage(21610, to));
    return body;
  }

  private magicRule(to: string): { code: number; message?: string } | undefined {
    const code = this.magicTestNumbers ? MAGIC_TO[to] : undefined;
    return code === undefined ? undefined : { code };
  }

  private createFromForm(form: Params): StoredMessage {
    const to = single(form, 'To');
    const from = single(form, 'From');
    const service = single(form, 'MessagingServiceSid');
    const body = this.vetCreate(to, from, service, form);
    return this.createOutbound({ to: to ?? '', body, from, messagingServiceSid: service }, form);
  }

  private fetch(messageSid: string, path: string): MessageJson {
    const message = this.bySid.get(messageSid);
    if (!message) throw new HttpError(404, 20404, `The requested resource ${path} was not found`);
    return this.toJson(message);
  }

  private listPage(url: URL): Record<string, unknown> {
    const query = url.searchParams;
    const filters: Filters = FILTER_KEYS.flatMap((key) => {
      const value = query.get(key);
      return value === null ? [] : [[key, value] as [string, string]];
    });
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, intParam(query.get('PageSize') ?? undefined, DEFAULT_PAGE_SIZE)));
    const page = Math.max(0, intParam(query.get('Page') ?? undefined, 0));
    const token = query.get('PageToken') ?? undefined;
    const listedBefore = this.nowMs() - this.listLagMs;
    const matches = this.newestFirst().filter((message) => message.createdAtMs <= listedBefore && this.matches(message, filters));
    const start = pageStart(
      matches.map((message) => message.sid),
      token,
      page,
      pageSize,
    );
    const items = matches.slice(start, start + pageSize);
    const base = url.pathname;
    const first = items[0];
    const last = items.at(-1);
    return {
      end: items.length === 0 ? start : start + items.length - 1,
      first_page_uri: pageUri(base, filters, pageSize, 0),
      next_page_uri: last && start + items.length < matches.length
        ? pageUri(base, filters, pageSize, page + 1, `PA${last.sid}`)
        : this.endlessPages
          ? pageUri(base, filters, pageSize, 0)
          : null,
      page,
      page_size: pageSize,
      previous_page_uri: first && page > 0 ? pageUri(base, filters, pageSize, page - 1, `PB${first.sid}`) : null,
      start,
      uri: pageUri(base, filters, pageSize, page, token),
      messages: items.map((message) => this.toJson(message)),
    };
  }

  private newestFirst(): StoredMessage[] {
    return [...this.store].sort((a, b) => b.createdAtMs - a.createdAtMs || b.seq - a.seq);
  }

  private matches(message: StoredMessage, filters: Filters): boolean {
    const json = this.toJson(message);
    return filters.every(([key, value]) => {
      if (key === 'To') return json.to === value;
      if (key === 'From') return json.from === value;
      const sent = json.date_sent === null ? undefined : Date.parse(json.date_sent);
      return sent !== undefined && dateSentMatches(key, value, sent);
    });
  }
}

/** Starts the double on 127.0.0.1 at a free port. */
export async function startTwilioDouble(options: TwilioDoubleOptions = {}): Promise<TwilioDouble> {
  const impl = new TwilioDoubleImpl(options);
  await impl.listen();
  return {
    get baseUrl() {
      return impl.baseUrl;
    },
    accountSid: impl.accountSid,
    authToken: impl.authToken,
    get violations() {
      return [...impl.violations];
    },
    expectNoViolations: () => impl.expectNoViolations(),
    clearViolations: () => void impl.violations.splice(0),
    now: () => new Date(impl.nowMs()),
    advance: (ms) => impl.advance(ms),
    settle: () => impl.settle(),
    failNext: (fault, faultOptions) => impl.failNext(fault, faultOptions),
    clearFaults: () => impl.clearFaults(),
    setListLag: (ms) => {
      impl.listLagMs = ms;
    },
    setEndlessPages: (on) => {
      impl.endlessPages = on;
    },
    overLimitRejections: () => impl.overLimitRejections(),
    rejectNumber: (to, code, message) => impl.rejectNumber(to, code, message),
    setOutcome: (to, outcome) => impl.setOutcome(to, outcome),
    addApiKey: (key, secret) => impl.addApiKey(key, secret),
    addInbound: (message) => impl.addInbound(message),
    addOutbound: (message) => impl.addOutbound(message),
    messages: (direction) => impl.messages(direction),
    message: (messageSid) => impl.message(messageSid),
    createParams: (messageSid) => impl.createParams(messageSid),
    requestCounts: () => impl.requestCounts(),
    requests: () => impl.requests(),
    close: () => impl.close(),
  };
}
