import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { createBroadcast, type SimpleBroadcast } from '../support/broadcasts';
import { expectEachOnce } from '../support/expect-each-once';
import { clientPhones, clientsWith, finished, receivedPerNumber, startLiveTwilio, type LiveTwilioOptions } from '../support/live-sending';
import { call, waitFor } from '../support/test-core';

// Issue 12: the engine against a Twilio that behaves like the real one at its worst: a list that lags
// behind what it accepted, a salon renamed mid-send, a STOP during a send, a 429 storm, pages that
// never end, and a database another program keeps locked.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const start = (options: LiveTwilioOptions = {}) => startLiveTwilio(cleanups, options);

/** Save a broadcast, launch it and start sending. */
async function sendNow(core: Core, broadcast: SimpleBroadcast) {
  const draft = await createBroadcast(core, broadcast);
  await call(core, 'broadcasts.launch', { id: draft.id });
  core.start();
  return draft;
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a provider that behaves like the real one', () => {
  it("Twilio's list lags: texts whose answers were lost are adopted once listed, never sent twice, and show as checking until then", async () => {
    const { twilio, core } = await start({ twilio: { listLagMs: 3_000 }, core: { lookupSettleMs: 6_000 } });
    const numbers = clientPhones(12);
    await clientsWith(core, numbers);
    // Twilio takes these four texts, but the answers never come back.
    for (const to of numbers.slice(0, 4)) twilio.failNext({ kind: 'drop', store: true }, { on: 'create', to });
    const draft = await sendNow(core, { name: 'Lagging list', body: 'Your colour refresh is due' });

    const checking = await waitFor(async () => {
      const broadcast = await call(core, 'broadcasts.get', { id: draft.id });
      return broadcast.stats.unknown === 4 ? broadcast : undefined;
    });
    expect(checking.status).not.toBe('completed');
    const done = await finished(core, draft.id, { timeoutMs: 30_000 });

    expect(done.stats).toMatchObject({ recipients: 12, delivered: 12, unknown: 0 });
    expectEachOnce(twilio, numbers);
    twilio.expectNoViolations();
  });

  it('a text that never reached Twilio is sent again only once a look-up a settle window after its claim still misses it', async () => {
    const settleMs = 4_000;
    const { twilio, core } = await start({ twilio: { listLagMs: 1_000 }, core: { lookupSettleMs: settleMs } });
    const [ana] = clientPhones(1) as [string];
    await clientsWith(core, [ana]);
    twilio.failNext({ kind: 'drop' }, { on: 'create', to: ana });
    const draft = await sendNow(core, { name: 'Lost on the way', body: 'See you Friday' });
    const done = await finished(core, draft.id, { timeoutMs: 20_000 });

    expect(done.stats).toMatchObject({ delivered: 1, unknown: 0 });
    const creates = twilio.requests().filter((request) => request.kind === 'create');
    expect(creates.map((request) => request.outcome)).toEqual(['dropped', 201]);
    const [first, again] = creates as [(typeof creates)[0], (typeof creates)[0]];
    expect(again.atMs - first.atMs).toBeGreaterThanOrEqual(settleMs - 100);
    expectEachOnce(twilio, [ana]);
  });

  it('the salon renamed mid-send: the look-up matches the text as it was sent, not as it would read now', async () => {
    const { twilio, core } = await start({ twilio: { listLagMs: 1_500 }, core: { lookupSettleMs: 4_000 } });
    const numbers = clientPhones(3);
    await clientsWith(core, numbers);
    await call(core, 'settings.update', { salonName: 'Salon Élan' });
    twilio.failNext({ kind: 'hang', store: true }, { on: 'create', to: numbers[0] });
    const draft = await sendNow(core, { name: 'Signed', body: 'Thank you from {{salonName}}' });
    await waitFor(() => (twilio.messages('outbound-api').length === 3 ? true : undefined));
    await call(core, 'settings.update', { salonName: 'Élan & Co' });
    const done = await finished(core, draft.id, { timeoutMs: 20_000 });

    expect(done.stats).toMatchObject({ delivered: 3, unknown: 0 });
    expectEachOnce(twilio, numbers);
    expect(twilio.messages('outbound-api').map((message) => message.body.split('\n')[0])).toEqual(Array(3).fill('Thank you from Salon Élan'));
  });

  it('a STOP during a send is honoured within seconds: the client is not texted when their turn comes', async () => {
    const { twilio, core } = await start({ smsPerSecond: 10 });
    const numbers = clientPhones(60);
    await clientsWith(core, numbers);
    const late = numbers[55] as string;
    const draft = await sendNow(core, { name: 'Long send', body: 'Late opening on Thursday' });
    await waitFor(() => (twilio.messages('outbound-api').length >= 5 ? true : undefined));
    // Their turn is about five seconds away: without reading replies while sending, the next read is 30 s off.
    twilio.addInbound({ from: late, body: 'STOP' });
    const done = await finished(core, draft.id, { timeoutMs: 30_000 });

    expect(done.stats).toMatchObject({ recipients: 60, delivered: 59, skipped: 1 });
    expect(receivedPerNumber(twilio).get(late)).toBeUndefined();
    expect((await call(core, 'replies.list', {})).replies).toEqual([expect.objectContaining({ from: late, action: 'opt_out' })]);
  });

  it('a storm of 429s slows the whole account: one probe per Retry-After, not a refused text per send', async () => {
    const { twilio, core } = await start({ smsPerSecond: 20 });
    const numbers = clientPhones(200);
    await clientsWith(core, numbers);
    const draft = await sendNow(core, { name: 'Storm', body: 'Summer hours start Monday' });
    await waitFor(() => (twilio.messages('outbound-api').length >= 20 ? true : undefined));
    twilio.failNext({ kind: 'rate-limit', retryAfterSeconds: 2 }, { on: 'create', times: Infinity });
    await pause(8_000);
    twilio.clearFaults();
    const done = await finished(core, draft.id, { timeoutMs: 40_000 });

    expect(done.stats).toMatchObject({ recipients: 200, delivered: 200, failed: 0 });
    expectEachOnce(twilio, numbers);
    const refused = twilio.requests().filter((request) => request.kind === 'create' && request.outcome === 429);
    // At 20 a second, 8 s of storm would refuse 160 sends; held, it is the few already under way and a probe every 2 s.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(12);
    // Delivered in the end: the 429 an earlier try met is no longer shown as what happened.
    const { deliveries } = await call(core, 'broadcasts.deliveries', { id: draft.id, limit: 200 });
    expect(deliveries.filter((delivery) => delivery.errorCode !== null || delivery.errorMessage !== null)).toEqual([]);
  });

  it('a list whose pages never end: every sweep stops after a bounded number of pages, and the broadcast completes', async () => {
    const { twilio, core } = await start({ twilio: { endlessPages: true } });
    const numbers = clientPhones(5);
    await clientsWith(core, numbers);
    const draft = await sendNow(core, { name: 'Endless', body: 'New stylist starting Monday' });
    const done = await finished(core, draft.id, { timeoutMs: 20_000 });
    const listedBy = twilio.requestCounts().list;
    await pause(6_000);
    const catchUp = Date.now();
    await core.catchUp();

    expect(done.stats).toMatchObject({ delivered: 5, pending: 0 });
    expect(Date.now() - catchUp).toBeLessThan(5_000);
    // Reading replies every 30 s and statuses every few seconds, each a bounded sweep: never hundreds a second.
    expect(twilio.requestCounts().list - listedBy).toBeLessThan(60);
    expectEachOnce(twilio, numbers);
  });

  it('a database another program keeps locked past the busy timeout: answers wait and are written, nothing crashes', async () => {
    const { twilio, core, dbPath } = await start({ smsPerSecond: 20 });
    const numbers = clientPhones(60);
    await clientsWith(core, numbers);
    const draft = await sendNow(core, { name: 'Busy disk', body: 'Fresh towels, fresh look' });
    await waitFor(() => (twilio.messages('outbound-api').length >= 5 ? true : undefined));
    const other = new Database(dbPath);
    other.exec('BEGIN IMMEDIATE');
    await pause(7_000); // longer than the 5 s busy timeout
    other.exec('ROLLBACK');
    other.close();
    const done = await finished(core, draft.id, { timeoutMs: 30_000 });

    expect(done.stats).toMatchObject({ recipients: 60, delivered: 60 });
    expectEachOnce(twilio, numbers);
  }, 60_000);

  it('answers lost five in a row open the circuit, and once the look-ups find every text the broadcast completes without waiting out the circuit', async () => {
    const { twilio, core } = await start();
    const numbers = clientPhones(6);
    await clientsWith(core, numbers);
    // Twilio takes every text but no answer comes back: to the engine, five failures in a row.
    twilio.failNext({ kind: 'drop', store: true }, { on: 'create', times: Infinity });
    const draft = await sendNow(core, { name: 'Answers lost', body: 'Your table is booked' });
    await waitFor(async () => ((await call(core, 'broadcasts.get', { id: draft.id })).pausedReason === 'provider' ? true : undefined));

    // The circuit's first wait is a minute; the look-ups settle every text well before that.
    const done = await finished(core, draft.id, { timeoutMs: 20_000 });
    expect(done.stats).toMatchObject({ recipients: 6, delivered: 6, unknown: 0 });
    expectEachOnce(twilio, numbers);
  });
});
