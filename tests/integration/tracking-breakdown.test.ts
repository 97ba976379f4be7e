import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { InboundText, Provider } from '../../electron/core/providers/provider';
import { createSandboxProvider } from '../../electron/core/providers/sandbox/sandbox-provider';
import { openDatabase } from '../../db/open';
import type { BroadcastTrackingDto, DeliveryCountsDto } from '../../shared/tracking';
import { createBroadcast } from '../support/broadcasts';
import { addClients, testClock, type TestClock } from '../support/live-sending';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';

// Issue 14: the day x channel breakdown of a two-day text and email sequence sent through the real
// engine and the sandbox, whose outcomes are fixed by each address (sandbox-outcome.ts): each cell's
// counts, the opt-outs and replies its texts were followed by within 72 hours, the cost, the groups.

const CLIENTS = [
  { name: 'Ana Lopez', phone: '(415) 555-2671', email: 'ana@salon.dev' }, // text and email delivered
  { name: 'Bo Chen', phone: '(800) 555-0199' }, // toll-free: the text is refused, 21614
  { name: 'Cy Duran', phone: '+1 415 555 2614', email: 'cy@example.com' }, // text undelivered 30003; email refused 550
  { name: 'Di Evans', phone: '415.555.2600', email: 'di@gmail.com' }, // both delivered
  { name: 'Ed Fox', email: 'ed@gmail.com' }, // email only, delivered
];
const ANA = '+14155552671';
const DI = '+14155552600';
const HOUR_MS = 3_600_000;

function counts(partial: Partial<DeliveryCountsDto>): DeliveryCountsDto {
  return { recipients: 0, sent: 0, delivered: 0, failed: 0, pending: 0, unsure: 0, skipped: 0, cancelled: 0, optedOut: 0, replied: 0, tried: 0, ...partial };
}

/** The sandbox for texts, with the replies a test scripts: the sandbox itself receives none. */
function sandboxWithReplies(dbPath: string, clock: TestClock): { provider: Provider; reply: (from: string, body: string) => void; close: () => void } {
  const { db, close } = openDatabase(dbPath);
  const replies: InboundText[] = [];
  const sandbox = createSandboxProvider(db, { clock, settleDelayMs: { min: 100, max: 400 } });
  return {
    provider: { ...sandbox, inbound: (since) => Promise.resolve(replies.filter((text) => text.receivedAt > since)) },
    reply: (from, body) =>
      replies.push({ providerMessageId: `SMin${replies.length}`, from, to: '+14155550000', body, receivedAt: clock.now().toISOString() }),
    close,
  };
}

describe('tracking.broadcast: the day x channel breakdown', () => {
  let dir: ReturnType<typeof tempDir>;
  let clock: TestClock;
  let texts: ReturnType<typeof sandboxWithReplies>;
  let core: Core;

  beforeEach(() => {
    dir = tempDir();
    // The test project runs at the salon's midday: quiet hours hold nothing back today or tomorrow.
    clock = testClock(new Date());
    texts = sandboxWithReplies(join(dir.path, 'salon.db'), clock);
    core = createTestCore(dir.path, { clock, providerOverrides: { sms: { provider: texts.provider, limits: { perSecond: 200 } } } });
  });

  afterEach(async () => {
    await core.stop();
    texts.close();
    dir.remove();
  });

  const tick = async (ms: number) => {
    clock.advance(ms);
    await core.catchUp();
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  /** Tick until the day's cells are settled: nothing waiting, nothing on its way. */
  const settled = (id: number, day: number) =>
    waitFor(async () => {
      await tick(1000);
      const tracking = await call(core, 'tracking.broadcast', { id });
      const cells = tracking.cells.filter((cell) => cell.day === day);
      return cells.every(({ counts: c }) => c.pending === 0 && c.unsure === 0 && c.delivered + c.failed + c.skipped === c.recipients)
        ? tracking
        : undefined;
    }, 30_000);
  const consentOf = async (id: number) => (await call(core, 'contacts.get', { id })).consent.sms;

  it('counts every cell by its outcome, with the STOP and the reply that followed Day 1’s texts', async () => {
    const [anaId, , , diId] = await addClients(core, CLIENTS);
    const draft = await createBroadcast(core, {
      name: 'Welcome',
      type: 'sms_email',
      body: 'Day one',
      subject: 'Day one',
      laterSteps: [{ body: 'Day two', subject: 'Day two' }],
    });
    const before = await call(core, 'tracking.broadcast', { id: draft.id });
    expect(before.cells.map(({ day, channel }) => `${day}:${channel}`)).toEqual(['1:sms', '1:email', '2:sms', '2:email']);
    expect(before.total).toEqual(counts({}));

    const launched = await call(core, 'broadcasts.launch', { id: draft.id });
    core.start();
    await settled(draft.id, 1);

    // Ana replies STOP and Di writes back within the hour; the poller reads replies every 30 s when idle.
    await tick(10 * 60_000);
    texts.reply(ANA, 'STOP');
    texts.reply(DI, 'Thanks, see you Friday!');
    await waitFor(async () => {
      await tick(30_000);
      return (await consentOf(anaId ?? 0)) === 'opted_out' ? true : undefined;
    });

    clock.set(new Date(launched.steps[1]?.schedule?.utc ?? ''));
    await settled(draft.id, 2);
    await waitFor(async () => {
      await tick(1000);
      return (await call(core, 'broadcasts.get', { id: draft.id })).status === 'completed' ? true : undefined;
    });

    // Di opts out 80 hours after Day 2's text: too late to be put down to this broadcast.
    await tick(80 * HOUR_MS);
    texts.reply(DI, 'STOP');
    await waitFor(async () => {
      await tick(30_000);
      return (await consentOf(diId ?? 0)) === 'opted_out' ? true : undefined;
    });

    const tracking: BroadcastTrackingDto = await call(core, 'tracking.broadcast', { id: draft.id });
    const cell = (day: number, channel: string) => tracking.cells.find((c) => c.day === day && c.channel === channel)?.counts;
    // Texts: Ana and Di delivered, Bo refused (failed, tried, never sent), Cy sent but undelivered.
    expect(cell(1, 'sms')).toEqual(counts({ recipients: 4, sent: 3, delivered: 2, failed: 2, tried: 4, optedOut: 1, replied: 1 }));
    // Emails: Ana, Di and Ed delivered; Cy's reserved domain refused.
    expect(cell(1, 'email')).toEqual(counts({ recipients: 4, sent: 3, delivered: 3, failed: 1, tried: 4 }));
    // Day 2: Ana's text skipped since she opted out; Di's reply came before it, so it is not a reply to it.
    expect(cell(2, 'sms')).toEqual(counts({ recipients: 4, sent: 2, delivered: 1, failed: 2, skipped: 1, tried: 3 }));
    expect(cell(2, 'email')).toEqual(counts({ recipients: 4, sent: 3, delivered: 3, failed: 1, tried: 4 }));
    expect(tracking.total).toEqual(counts({ recipients: 16, sent: 11, delivered: 9, failed: 6, skipped: 1, tried: 15, optedOut: 1, replied: 1 }));

    // The summary of the same messages is the same numbers, and a filter narrows them.
    expect(await call(core, 'tracking.summary', { filter: { broadcastId: draft.id } })).toEqual(tracking.total);
    expect(await call(core, 'tracking.summary', { filter: { broadcastId: draft.id, day: 1, channel: 'sms' } })).toEqual(cell(1, 'sms'));
    const delivered = counts({ recipients: 9, sent: 9, delivered: 9, tried: 9, optedOut: 1, replied: 1 });
    expect(await call(core, 'tracking.summary', { filter: { broadcastId: draft.id, statuses: ['delivered', 'delivered'] } })).toEqual(delivered);

    // Five texts were sent by the sandbox ("Day one/two" and the opt-out line fit one segment each).
    const { smsPricePerSegment, currency } = await call(core, 'settings.get', {});
    expect(tracking.cost).toEqual({
      currency,
      estimated: expect.closeTo(8 * smsPricePerSegment, 6),
      actual: expect.closeTo(5 * smsPricePerSegment, 6),
      pricePending: 0,
      practice: true,
    });

    const reasons = await call(core, 'tracking.failureReasons', { id: draft.id });
    expect(reasons.map(({ channel, code, count, reason }) => ({ channel, code, count, reason }))).toEqual([
      { channel: 'sms', code: '21614', count: 2, reason: 'Not a mobile number' },
      { channel: 'sms', code: '30003', count: 2, reason: 'Phone switched off or out of range' },
      { channel: 'email', code: '550', count: 2, reason: 'Email address does not exist' },
    ]);
    expect(reasons.find((group) => group.code === '30003')).toMatchObject({ retryable: true, numberUnusable: false });

    // Day 1 and Day 2 are a day apart: the chart is hourly, and it holds every send and outcome.
    const timeline = await call(core, 'tracking.timeline', { id: draft.id });
    expect(timeline.bucket).toBe('hour');
    const sum = (key: 'sent' | 'delivered' | 'failed') => timeline.points.reduce((total, point) => total + point[key], 0);
    expect({ sent: sum('sent'), delivered: sum('delivered'), failed: sum('failed') }).toEqual({ sent: 11, delivered: 9, failed: 6 });
    expect(timeline.points.map((point) => point.at)).toEqual([...timeline.points.map((point) => point.at)].sort());
  });

  it('answers not_found for a broadcast that does not exist', async () => {
    for (const method of ['tracking.broadcast', 'tracking.failureReasons', 'tracking.timeline'] as const) {
      const result = await core.dispatch(method, { id: 999 });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
