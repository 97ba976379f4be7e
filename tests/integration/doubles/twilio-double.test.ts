import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { CREATE_MESSAGE, FETCH_MESSAGE, LIST_MESSAGES, twilioOpenApi } from '../../doubles/twilio/openapi-check';
import { startTwilioDouble, type TwilioDouble } from '../../doubles/twilio/twilio-double';

type TwilioClient = ReturnType<typeof twilio>;

const OUR_NUMBER = '+15005550006';
const ANA = '+61412345678';
const BEN = '+61412345679';
const SERVICE = `MG${'1'.repeat(32)}`;

interface SdkOptions {
  username?: string;
  password?: string;
  timeoutMs?: number;
}

/**
 * The real SDK, pointed at the double. Every request URL the SDK builds, including the absolute URLs
 * `nextPage()` makes from `next_page_uri`, comes from the domain's `baseUrl`, a public, typed property of
 * its Domain class, so setting it on `client.api` is enough. (The `edge`/`region` options only rename an
 * *.twilio.com host and keep https; a custom `httpClient` would have to rewrite every URL.) The empty
 * `edge`/`region` stop TWILIO_EDGE/TWILIO_REGION in the environment from rewriting the 127.0.0.1 host.
 */
function sdkFor(double: TwilioDouble, options: SdkOptions = {}): TwilioClient {
  const client = twilio(options.username ?? double.accountSid, options.password ?? double.authToken, {
    accountSid: double.accountSid,
    timeout: options.timeoutMs,
    edge: '',
    region: '',
  });
  client.api.baseUrl = double.baseUrl;
  return client;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

let double: TwilioDouble;
let client: TwilioClient;

beforeEach(async () => {
  double = await startTwilioDouble({ senders: [OUR_NUMBER] });
  client = sdkFor(double);
});

afterEach(async () => {
  await double.close();
  double.expectNoViolations();
});

describe('Twilio double: create and fetch', () => {
  it('creates a message with Twilio fields and fetches it back', async () => {
    const sent = await client.messages.create({
      to: ANA,
      from: OUR_NUMBER,
      body: 'Hi Ana, 20% off colour this week',
      statusCallback: 'https://salon.example/twilio/status',
      validityPeriod: 600,
    });

    expect(sent.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent).toMatchObject({
      accountSid: double.accountSid,
      to: ANA,
      from: OUR_NUMBER,
      status: 'queued',
      direction: 'outbound-api',
      numSegments: '1',
      price: null,
      errorCode: null,
      apiVersion: '2010-04-01',
      uri: `/2010-04-01/Accounts/${double.accountSid}/Messages/${sent.sid}.json`,
    });
    expect(sent.dateCreated).toEqual(double.now());

    const fetched = await client.messages(sent.sid).fetch();
    expect(fetched).toMatchObject({ sid: sent.sid, body: sent.body, status: 'queued' });
    expect(double.createParams(sent.sid)).toMatchObject({ StatusCallback: 'https://salon.example/twilio/status', ValidityPeriod: '600' });
    expect(double.requestCounts()).toEqual({ create: 1, fetch: 1, list: 0, other: 0 });
  });

  it('records every created message exactly once', async () => {
    const recipients = Array.from({ length: 20 }, (_, i) => `+614123450${String(i).padStart(2, '0')}`);
    await Promise.all(recipients.map((to) => client.messages.create({ to, from: OUR_NUMBER, body: `Hello ${to}` })));

    const received = double.messages('outbound-api').map((message) => `${message.to}|${message.body}`);
    expect(received.toSorted()).toEqual(recipients.map((to) => `${to}|Hello ${to}`).toSorted());
    expect(double.requestCounts().create).toBe(20);
  });

  it('answers 404 with code 20404 for an unknown SID', async () => {
    const error = await rejectionOf(client.messages(`SM${'0'.repeat(32)}`).fetch());
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 404, code: 20404 });
  });
});

describe('Twilio double: status over time', () => {
  it('moves queued → sending → sent → delivered, and prices the message when final', async () => {
    const body = 'A'.repeat(200); // two GSM-7 segments
    const { sid } = await client.messages.create({ to: ANA, from: OUR_NUMBER, body });
    const statuses: string[] = [];
    for (let step = 0; step < 4; step++) {
      statuses.push((await client.messages(sid).fetch()).status);
      double.advance(1000);
    }
    expect(statuses).toEqual(['queued', 'sending', 'sent', 'delivered']);

    const final = await client.messages(sid).fetch();
    expect(final).toMatchObject({ numSegments: '2', price: '-0.01580', priceUnit: 'USD', errorCode: null });
    expect(final.dateSent).toBeInstanceOf(Date);
  });

  it('can leave a message at sent for good, as a carrier that never reports back', async () => {
    double.setOutcome(ANA, { status: 'sent' });
    const { sid } = await client.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' });
    double.advance(72 * 60 * 60_000);
    expect(await client.messages(sid).fetch()).toMatchObject({ status: 'sent', errorCode: null });
  });

  it('starts a Messaging Service send as accepted, without a sender until one is picked', async () => {
    const created = await client.messages.create({ to: ANA, messagingServiceSid: SERVICE, body: 'Hi 👋' });
    expect(created).toMatchObject({ status: 'accepted', from: null, messagingServiceSid: SERVICE, numSegments: '1' });
    double.advance(1000);
    expect(await client.messages(created.sid).fetch()).toMatchObject({ status: 'queued', from: OUR_NUMBER });
  });

  it.each([
    { errorCode: 30003, status: 'undelivered' as const, errorMessage: 'Unreachable destination handset' },
    { errorCode: 30005, status: 'undelivered' as const, errorMessage: 'Unknown destination handset' },
    { errorCode: 30006, status: 'failed' as const, errorMessage: 'Landline or unreachable carrier' },
    { errorCode: 30007, status: 'undelivered' as const, errorMessage: 'Message filtered' },
  ])('ends $status with $errorCode for a number set up that way', async ({ errorCode, status, errorMessage }) => {
    double.setOutcome(BEN, { status, errorCode });
    const { sid } = await client.messages.create({ to: BEN, from: OUR_NUMBER, body: 'Your appointment is tomorrow' });
    double.settle();
    const final = await client.messages(sid).fetch();
    expect(final).toMatchObject({ status, errorCode, errorMessage, priceUnit: 'USD' });
    expect(final.price).toBe(status === 'failed' ? '0.00000' : '-0.00790');
  });
});

describe('Twilio double: list and paging', () => {
  it('pages 2,500 messages 1,000 at a time, newest first, like Twilio', async () => {
    for (let i = 0; i < 2500; i++) double.addOutbound({ to: i % 2 === 0 ? ANA : BEN, from: OUR_NUMBER, body: `Offer ${i}` });

    const first = await client.messages.page({ pageSize: 1000 });
    expect(first.instances).toHaveLength(1000);
    expect(first.instances[0]?.body).toBe('Offer 2499');
    expect(first.nextPageUrl).toMatch(/PageSize=1000&Page=1&PageToken=PASM[0-9a-f]{32}$/);
    const second = await first.nextPage();
    const third = await second?.nextPage();
    expect(second?.instances).toHaveLength(1000);
    expect(third?.instances).toHaveLength(500);
    expect(third?.instances.at(-1)?.body).toBe('Offer 0');
    expect(third?.nextPage()).toBeUndefined();
    expect(first.previousPageUrl).toBeUndefined();
    const back = await second?.previousPage();
    expect(back?.instances.map((message) => message.sid)).toEqual(first.instances.map((message) => message.sid));
    expect(double.requestCounts().list).toBe(4);

    const all = await client.messages.list({ pageSize: 1000 });
    expect(new Set(all.map((message) => message.sid)).size).toBe(2500);
    expect(double.requestCounts().list).toBe(7);
  });

  it('filters by To, From and DateSent', async () => {
    for (let i = 0; i < 30; i++) double.addOutbound({ to: i < 10 ? ANA : BEN, from: OUR_NUMBER, body: `Offer ${i}` });
    expect(await client.messages.list({ to: ANA, pageSize: 1000 })).toHaveLength(10);
    expect(await client.messages.list({ from: OUR_NUMBER })).toHaveLength(30);

    // Nothing has been sent yet: DateSent filters only match sent messages.
    expect(await client.messages.list({ dateSent: double.now() })).toHaveLength(0);
    double.settle();
    expect(await client.messages.list({ dateSent: double.now(), to: BEN })).toHaveLength(20);
    expect(await client.messages.list({ dateSentAfter: new Date(double.now().getTime() + 86_400_000) })).toHaveLength(0);
    expect(await client.messages.list({ dateSentBefore: double.now() })).toHaveLength(30);
  });

  it('lists an inbound STOP, and opts that client out', async () => {
    double.addInbound({ from: ANA, body: 'STOP' });
    const fromAna = await client.messages.list({ from: ANA });
    expect(fromAna).toHaveLength(1);
    expect(fromAna[0]).toMatchObject({ direction: 'inbound', body: 'STOP', to: OUR_NUMBER, status: 'received' });

    const error = await rejectionOf(client.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Still there?' }));
    expect(error).toMatchObject({ status: 400, code: 21610 });
  });
});

describe('Twilio double: errors', () => {
  it('answers 401 with code 20003 for a wrong auth token, and accepts a registered API key', async () => {
    const wrong = sdkFor(double, { password: 'not-the-token' });
    const error = await rejectionOf(wrong.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' }));
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 401, code: 20003, moreInfo: 'https://www.twilio.com/docs/errors/20003' });

    const keySid = `SK${'2'.repeat(32)}`;
    double.addApiKey(keySid, 'key-secret');
    const withKey = sdkFor(double, { username: keySid, password: 'key-secret' });
    await expect(withKey.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' })).resolves.toMatchObject({ status: 'queued' });
  });

  it('answers 429 with code 20429 and Retry-After, then accepts the retry', async () => {
    double.failNext({ kind: 'rate-limit', retryAfterSeconds: 7 });
    const error = await rejectionOf(client.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' }));
    expect(error).toMatchObject({ status: 429, code: 20429 });
    // RestException carries no headers: the SDK exposes them on its HTTP client's last response.
    expect(client.httpClient.lastResponse?.headers['retry-after']).toBe('7');
    expect(double.messages()).toHaveLength(0);

    await client.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' });
    expect(double.messages()).toHaveLength(1);
  });

  it('enforces an account rate: creates beyond it get 429 and are counted', async () => {
    const limited = await startTwilioDouble({ senders: [OUR_NUMBER], rateLimit: { perSecond: 2 } });
    const sdk = sdkFor(limited);
    await sdk.messages.create({ to: ANA, from: OUR_NUMBER, body: '1' });
    await sdk.messages.create({ to: ANA, from: OUR_NUMBER, body: '2' });
    expect(await rejectionOf(sdk.messages.create({ to: ANA, from: OUR_NUMBER, body: '3' }))).toMatchObject({ status: 429, code: 20429 });
    expect(limited.overLimitRejections()).toBe(1);
    limited.advance(500); // one token back
    await sdk.messages.create({ to: ANA, from: OUR_NUMBER, body: '4' });
    expect(limited.messages().map((m) => m.body)).toEqual(['1', '2', '4']);
    await limited.close();
    limited.expectNoViolations();
  });

  it('ends a standing fault when told the outage is over', async () => {
    double.failNext({ kind: 'server-error' }, { times: Infinity });
    expect(await rejectionOf(client.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' }))).toMatchObject({ status: 500 });
    expect(await rejectionOf(client.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' }))).toMatchObject({ status: 500 });
    double.clearFaults();
    await client.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' });
    expect(double.messages()).toHaveLength(1);
  });

  it('answers 500 with code 20500', async () => {
    double.failNext({ kind: 'server-error' }, { on: 'list' });
    expect(await rejectionOf(client.messages.list())).toMatchObject({ status: 500, code: 20500 });
  });

  it('refuses an unsubscribed number with 21610 and an invalid one with 21211', async () => {
    double.rejectNumber(BEN, 21610);
    const unsubscribed = await rejectionOf(client.messages.create({ to: BEN, from: OUR_NUMBER, body: 'Hi' }));
    expect(unsubscribed).toMatchObject({ status: 400, code: 21610, moreInfo: 'https://www.twilio.com/docs/errors/21610' });

    // Twilio's magic test number for an invalid To.
    const invalid = await rejectionOf(client.messages.create({ to: '+15005550001', from: OUR_NUMBER, body: 'Hi' }));
    expect(invalid).toMatchObject({ status: 400, code: 21211 });
    expect(double.messages()).toHaveLength(0);
  });

  it('refuses a From that is not one of the account numbers with 21606', async () => {
    const error = await rejectionOf(client.messages.create({ to: ANA, from: '+15550001111', body: 'Hi' }));
    expect(error).toMatchObject({ status: 400, code: 21606 });
  });

  it('can hold a request until the client gives up', async () => {
    const impatient = sdkFor(double, { timeoutMs: 200 });
    double.failNext({ kind: 'hang' });
    const error = await rejectionOf(impatient.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Hi' }));
    expect(error).toMatchObject({ code: 'ECONNABORTED' });
    expect(double.requests().at(-1)?.outcome).toBe('hung');
    expect(double.messages()).toHaveLength(0);
  });

  it('can accept a message and then drop the connection: stored, but the client sees an error', async () => {
    double.failNext({ kind: 'drop', store: true });
    const error = await rejectionOf(client.messages.create({ to: ANA, from: OUR_NUMBER, body: 'Only once, please' }));
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(double.messages().filter((message) => message.body === 'Only once, please')).toHaveLength(1);
    expect(double.requests().at(-1)?.outcome).toBe('dropped');
  });
});

describe('Twilio double: OpenAPI checks', () => {
  it('reports a request the spec does not allow (and still answers as Twilio would)', async () => {
    const form = new URLSearchParams({ To: ANA, From: OUR_NUMBER, Body: 'Hi', ValidityPeriod: 'soon', Colour: 'blue' });
    const response = await fetch(`${double.baseUrl}/2010-04-01/Accounts/${double.accountSid}/Messages.json`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${double.accountSid}:${double.authToken}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });
    expect(response.status).toBe(201);
    expect(double.violations).toEqual([
      expect.stringContaining('unknown name "Colour"'),
      expect.stringContaining('/ValidityPeriod: must be integer'),
    ]);
    expect(() => double.expectNoViolations()).toThrow(/2 OpenAPI violation/);
    double.clearViolations();
  });

  it('reports a query parameter the spec does not define, and an unimplemented operation', async () => {
    const auth = `Basic ${Buffer.from(`${double.accountSid}:${double.authToken}`).toString('base64')}`;
    const base = `${double.baseUrl}/2010-04-01/Accounts/${double.accountSid}`;
    await fetch(`${base}/Messages.json?Status=delivered&PageSize=5000`, { headers: { Authorization: auth } });
    await fetch(`${base}/Calls.json`, { headers: { Authorization: auth } });
    expect(double.violations).toEqual([
      expect.stringContaining('unknown name "Status"'),
      expect.stringContaining('/PageSize: must be <= 1000'),
      expect.stringContaining('does not implement GET'),
    ]);
    double.clearViolations();
  });

  it('rejects response bodies that drift from the spec', () => {
    const message = double.addOutbound({ to: ANA, from: OUR_NUMBER, body: 'Hi' });
    const api = twilioOpenApi();
    expect(api.checkResponse(FETCH_MESSAGE, 200, message)).toEqual([]);
    expect(api.checkResponse(FETCH_MESSAGE, 200, { ...message, num_segments: 1 })).toEqual([expect.stringContaining('/num_segments: must be string')]);
    expect(api.checkResponse(FETCH_MESSAGE, 200, { ...message, status: 'done' })).toEqual([expect.stringContaining('/status: must be equal to one of the allowed values')]);
    const { price: _price, ...withoutPrice } = message;
    expect(api.checkResponse(FETCH_MESSAGE, 200, withoutPrice)).toEqual([expect.stringContaining("required property 'price'")]);
    expect(api.checkResponse(CREATE_MESSAGE, 200, message)).toEqual([expect.stringContaining('describes no 200 response')]);
  });

  it("accepts the spec's own response examples (the tightened schemas are not stricter than Twilio)", () => {
    const api = twilioOpenApi();
    const created = api.responseExamples(CREATE_MESSAGE, 201);
    const listed = api.responseExamples(LIST_MESSAGES, 200);
    expect(created.length).toBeGreaterThan(0);
    expect(listed.length).toBeGreaterThan(0);
    for (const body of created) expect(api.checkResponse(CREATE_MESSAGE, 201, body)).toEqual([]);
    for (const body of listed) expect(api.checkResponse(LIST_MESSAGES, 200, body)).toEqual([]);
  });
});
