import { afterEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract';
import { createBroadcast } from '../support/broadcasts';
import { expectEachOnce } from '../support/expect-each-once';
import { clientPhones, clientsWith, finished, startLiveTwilio, testClock, type LiveTwilioOptions } from '../support/live-sending';
import { call, callFailing } from '../support/test-core';

// The engine's promises under trouble, through the real twilio SDK against the local Twilio double:
// an outage, a 429 storm, opt-outs mid-sequence, a machine asleep across a schedule, carriers that never report.

const START = new Date('2026-03-10T09:00:00Z');
const HOUR_MS = 60 * 60_000;
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const start = (options: LiveTwilioOptions = {}) => startLiveTwilio(cleanups, options);

describe('sending through trouble', () => {
  it('Twilio down for a minute: broadcasts pause instead of failing, and every client gets one text after', async () => {
    const clock = testClock(START);
    const { twilio, core } = await start({ clock, twilio: { statusStepMs: 1000 } });
    const numbers = clientPhones(30);
    await clientsWith(core, numbers);
    twilio.failNext({ kind: 'server-error' }, { on: 'create', times: Infinity });
    const draft = await createBroadcast(core, { name: 'Outage', body: 'We are open late on Friday' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();

    const reasons = new Set<string | null>();
    for (let second = 0; second < 60; second++) {
      clock.advance(1000);
      await core.catchUp();
      await pause(20); // let answers be recorded
      const broadcast = await call(core, 'broadcasts.get', { id: draft.id });
      expect(broadcast.stats.failed).toBe(0);
      if (broadcast.status === 'paused') reasons.add(broadcast.pausedReason);
    }
    expect(reasons).toEqual(new Set(['provider']));
    expect(twilio.messages('outbound-api')).toHaveLength(0);

    twilio.clearFaults();
    const done = await finished(core, draft.id, {
      timeoutMs: 25_000,
      beforeEachLook: async () => {
        clock.advance(5000);
        await core.catchUp();
      },
    });
    expect(done.stats).toMatchObject({ recipients: 30, delivered: 30, failed: 0, pending: 0 });
    expectEachOnce(twilio, numbers);
    twilio.expectNoViolations();
  });

  it('a 429 storm: nothing lost, each text sent once, and never faster than the account allows', async () => {
    const { twilio, core } = await start({ twilio: { rateLimit: { perSecond: 10 } }, smsPerSecond: 10 });
    const numbers = clientPhones(40);
    await clientsWith(core, numbers);
    // Each 429 holds the whole account for its Retry-After, then one probe goes: five in a row take five seconds or more.
    twilio.failNext({ kind: 'rate-limit', retryAfterSeconds: 1 }, { on: 'create', times: 5 });
    const draft = await createBroadcast(core, { name: 'Storm', body: 'Book your summer cut' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    const done = await finished(core, draft.id, { timeoutMs: 30_000 });

    expect(done.stats).toMatchObject({ recipients: 40, delivered: 40, failed: 0 });
    expectEachOnce(twilio, numbers);
    const creates = twilio.requests().filter((request) => request.kind === 'create');
    expect(creates.filter((request) => request.outcome === 429)).toHaveLength(5);
    expect(twilio.overLimitRejections()).toBe(0);
    twilio.expectNoViolations();
  });

  it('opt-outs mid-sequence: a STOP reply and a 21610 each stop every later day to that client', async () => {
    const clock = testClock(START);
    const { twilio, core } = await start({ clock });
    const [ana, bo, cy] = clientPhones(3) as [string, string, string];
    await clientsWith(core, [ana, bo, cy]);
    twilio.rejectNumber(bo, 21610);
    const draft = await createBroadcast(core, { name: 'Welcome', body: 'Day one', laterSteps: [{ body: 'Day two' }] });
    const launched = await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    const tick = async (ms: number) => {
      clock.advance(ms);
      await core.catchUp();
      await pause(20);
    };
    for (let i = 0; i < 20; i++) await tick(1000);
    expect(twilio.messages('outbound-api').map((m) => m.to).sort()).toEqual([ana, cy].sort());

    twilio.addInbound({ from: ana, body: 'STOP' });
    clock.set(new Date(launched.steps[1]?.schedule?.utc ?? ''));
    const done = await finished(core, draft.id, { beforeEachLook: () => tick(1000) });

    expect(done.stats).toMatchObject({ recipients: 3, delivered: 3, failed: 1, skipped: 2, pending: 0 });
    const bodiesTo = (phone: string) => twilio.messages('outbound-api').filter((m) => m.to === phone).map((m) => m.body.split('\n')[0]);
    expect(bodiesTo(ana)).toEqual(['Day one']);
    expect(bodiesTo(bo)).toEqual([]);
    expect(bodiesTo(cy)).toEqual(['Day one', 'Day two']);
    twilio.expectNoViolations();
  });

  it('asleep across a scheduled time: one send each when it wakes within grace; held as missed beyond it', async () => {
    const clock = testClock(START);
    const { twilio, core } = await start({ clock });
    const numbers = clientPhones(3);
    await clientsWith(core, numbers);
    const progress: Array<Events['broadcast.progress']> = [];
    core.events.on('broadcast.progress', (event) => progress.push(event));
    const soon = await createBroadcast(core, { name: 'Within grace', body: 'See you at ten', sendAt: '2026-03-10T10:00' });
    const later = await createBroadcast(core, { name: 'Beyond grace', body: 'See you at eleven', sendAt: '2026-03-10T11:00' });
    await call(core, 'broadcasts.launch', { id: soon.id });
    await call(core, 'broadcasts.launch', { id: later.id });
    core.start();
    await core.catchUp();

    // The laptop sleeps from 09:00 to 13:00: 10:00 is 3 h late (beyond the 2 h grace), 11:00 is 2 h late.
    clock.set(new Date('2026-03-10T12:59:00Z'));
    await core.catchUp();
    clock.set(new Date('2026-03-10T13:00:00Z'));
    const sent = await finished(core, later.id, {
      beforeEachLook: async () => {
        clock.advance(1000);
        await core.catchUp();
      },
    });
    expect(sent.steps[0]).toMatchObject({ missedAt: null });
    expect(twilio.messages('outbound-api').map((m) => m.body.split('\n')[0])).toEqual(Array(3).fill('See you at eleven'));

    const missed = await call(core, 'broadcasts.get', { id: soon.id });
    expect(missed.steps[0]?.missedAt).not.toBeNull();
    expect(missed.stats).toMatchObject({ pending: 3, sent: 0 });
    await core.catchUp();
    await new Promise((resolve) => setTimeout(resolve, 300)); // progress is pushed every 250 ms
    expect(progress).toContainEqual(expect.objectContaining({ broadcastId: soon.id, missedSteps: 1 }));

    await call(core, 'broadcasts.sendMissed', { id: soon.id, day: 1 });
    expect(await callFailing(core, 'broadcasts.sendMissed', { id: soon.id, day: 1 })).toMatchObject({ code: 'conflict' });
    await finished(core, soon.id, {
      beforeEachLook: async () => {
        clock.advance(1000);
        await core.catchUp();
      },
    });
    await core.catchUp();
    for (const phone of numbers) {
      const bodies = twilio.messages('outbound-api').filter((m) => m.to === phone).map((m) => m.body.split('\n')[0]);
      expect(bodies.sort()).toEqual(['See you at eleven', 'See you at ten']);
    }
    twilio.expectNoViolations();
  });

  it('a text the carrier never reports on ends as "sent, no report" after 72 hours, and the broadcast finishes', async () => {
    const clock = testClock(START);
    const { twilio, core } = await start({ clock });
    const [ana, bo] = clientPhones(2) as [string, string];
    await clientsWith(core, [ana, bo]);
    twilio.setOutcome(ana, { status: 'sent' });
    const draft = await createBroadcast(core, { name: 'Quiet carrier', body: 'Hello' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    for (let i = 0; i < 30; i++) {
      clock.advance(1000);
      await core.catchUp();
      await pause(20);
    }
    // Both went out; one still waits for its report, so the broadcast is not finished.
    const waiting = await call(core, 'broadcasts.get', { id: draft.id });
    expect(waiting).toMatchObject({ status: 'sending', stats: { sent: 2, delivered: 1, pending: 0, noReport: 0 } });

    clock.advance(71 * HOUR_MS);
    await core.catchUp();
    expect(await call(core, 'broadcasts.get', { id: draft.id })).toMatchObject({ status: 'sending', stats: { noReport: 0 } });

    clock.advance(HOUR_MS + 60_000);
    const done = await finished(core, draft.id, { beforeEachLook: () => core.catchUp() });
    expect(done.stats).toMatchObject({ sent: 2, delivered: 1, failed: 0, pending: 0, noReport: 1 });
    const { deliveries } = await call(core, 'broadcasts.deliveries', { id: draft.id });
    expect(deliveries.find((d) => d.address === ana)?.status).toBe('no_report');
    twilio.expectNoViolations();
  });
});
