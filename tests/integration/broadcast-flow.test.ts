import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERYONE } from '../../shared/audience';
import type { Events } from '../../shared/contract';
import type { Core } from '../../electron/core';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';
import { createBroadcast } from '../support/broadcasts';

// Outcomes the sandbox fixes per address (see sandbox-outcome.ts and its unit test).
const CLIENTS = [
  { name: 'Ana Lopez', phone: '(415) 555-2671', email: 'ana@salon.dev', expected: 'delivered' },
  { name: 'Bo Chen', phone: '(800) 555-0199', email: '', expected: 'failed' }, // toll-free: not a mobile
  { name: 'Cy Duran', phone: '+1 415 555 2614', email: 'cy@example.com', expected: 'undelivered' },
  { name: 'Di Evans', phone: '415.555.2600', email: 'di@gmail.com', expected: 'delivered' },
  { name: 'Ed Fox', phone: '', email: 'ed@gmail.com', expected: 'not a recipient' },
] as const;

const TEXTS = { sms: 'granted', email: 'unknown' } as const;
const EVERY_CHANNEL = { sms: 'granted', email: 'granted' } as const;

async function addClients(core: Core): Promise<void> {
  for (const { name, phone, email } of CLIENTS) await call(core, 'contacts.create', { name, phone, email, consent: EVERY_CHANNEL });
}

describe('a first broadcast, end to end through the contract', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  const progress: Array<Events['broadcast.progress']> = [];

  beforeEach(() => {
    dir = tempDir();
    core = createTestCore(dir.path);
    core.events.on('broadcast.progress', (event) => progress.push(event));
    core.start();
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
    progress.length = 0;
  });

  it('sends an SMS broadcast and every delivery settles to the sandbox outcome of its number', async () => {
    await addClients(core);
    const audience = await call(core, 'audience.summary', { filter: EVERYONE });
    expect(audience.sms).toEqual({ reachable: 4, optedOut: 0, noConsent: 0, noAddress: 1 });

    const draft = await createBroadcast(core, { name: 'Spring offer', type: 'sms', body: 'Hi! 20% off this week.' });
    expect(draft.status).toBe('draft');
    const launched = await call(core, 'broadcasts.launch', { id: draft.id });
    // Pending is exact from the start: the snapshot and every delivery exist as soon as launch returns.
    expect(launched.stats.recipients).toBe(4);
    expect(launched.stats.delivered + launched.stats.failed + launched.stats.pending).toBe(4);

    const done = await waitFor(async () => {
      const b = await call(core, 'broadcasts.get', { id: draft.id });
      return b.status === 'completed' ? b : undefined;
    });
    expect(done.stats).toEqual({ recipients: 4, sent: 3, delivered: 2, failed: 2, pending: 0, tried: 4, cancelled: 0, skipped: 0, unknown: 0, noReport: 0, cost: 0, practiceCost: expect.closeTo(3 * 0.0083, 6) });

    const { deliveries, total } = await call(core, 'broadcasts.deliveries', { id: draft.id });
    expect(total).toBe(4);
    const byName = Object.fromEntries(deliveries.map((d) => [d.recipientName, d]));
    for (const client of CLIENTS.filter((c) => c.expected !== 'not a recipient')) {
      expect(byName[client.name]?.status, client.name).toBe(client.expected);
    }
    expect(byName['Bo Chen']?.errorCode).toBe('21614');
    expect(byName['Cy Duran']?.errorCode).toBe('30003');

    // The live numbers reached the UI as events, ending on the final ones.
    expect(progress.at(0)?.stats.pending).toBe(4);
    await waitFor(() => (progress.at(-1)?.status === 'completed' ? true : undefined), 2000);
    expect(progress.at(-1)).toEqual({ broadcastId: draft.id, status: 'completed', pausedReason: null, missedSteps: 0, stats: done.stats });

    // Every state change is recorded, in order, and each message went to the provider exactly once.
    const db = new Database(join(dir.path, 'salon.db'), { readonly: true });
    const history = db
      .prepare(
        `SELECT r.name, group_concat(e.to_status, '>') AS path FROM delivery_events e
           JOIN deliveries d ON d.id = e.delivery_id JOIN campaign_recipients r ON r.id = d.recipient_id
          GROUP BY d.id ORDER BY d.id`,
      )
      .all() as Array<{ name: string; path: string }>;
    const paths = Object.fromEntries(history.map((h) => [h.name, h.path]));
    expect(paths['Bo Chen']).toBe('queued>sending>failed');
    expect(paths['Ana Lopez']).toMatch(/^queued>sending>accepted>(sent>)?delivered$/);
    expect(paths['Cy Duran']).toMatch(/^queued>sending>accepted>(sent>)?undelivered$/);
    const sent = db.prepare(`SELECT "to", COUNT(*) AS n FROM sandbox_messages GROUP BY "to"`).all();
    expect(sent).toHaveLength(3);
    expect(sent.every((row) => (row as { n: number }).n === 1)).toBe(true);
    db.close();
  });

  it('sends an email broadcast only to clients with an email address', async () => {
    await addClients(core);
    const draft = await createBroadcast(core, {
      name: 'Newsletter',
      type: 'email',
      subject: 'New colours are in',
      body: 'Come and see.',
    });
    await call(core, 'broadcasts.launch', { id: draft.id });
    const done = await waitFor(async () => {
      const b = await call(core, 'broadcasts.get', { id: draft.id });
      return b.status === 'completed' ? b : undefined;
    });
    // ana, di and ed have real-looking addresses; cy@example.com is a reserved domain that bounces.
    expect(done.stats).toEqual({ recipients: 4, sent: 3, delivered: 3, failed: 1, pending: 0, tried: 4, cancelled: 0, skipped: 0, unknown: 0, noReport: 0, cost: 0, practiceCost: 0 });
    expect(done.steps[0]?.email.subject).toBe('New colours are in');
  });

  it('holds everything while sending is paused and sends it on resume', async () => {
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '(415) 555-2671', consent: TEXTS });
    await call(core, 'sending.setPaused', { paused: true });
    const draft = await createBroadcast(core, { name: 'Paused', type: 'sms', body: 'Hello' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    await core.catchUp();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await call(core, 'broadcasts.get', { id: draft.id })).stats.pending).toBe(1);
    const { deliveries } = await call(core, 'broadcasts.deliveries', { id: draft.id });
    expect(deliveries[0]?.status).toBe('queued');

    await call(core, 'sending.setPaused', { paused: false });
    const done = await waitFor(async () => {
      const b = await call(core, 'broadcasts.get', { id: draft.id });
      return b.status === 'completed' ? b : undefined;
    });
    expect(done.stats.delivered).toBe(1);
  });

  it('refuses to launch the same broadcast twice', async () => {
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '(415) 555-2671', consent: TEXTS });
    const draft = await createBroadcast(core, { name: 'Once', type: 'sms', body: 'Hello' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    const again = await core.dispatch('broadcasts.launch', { id: draft.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await call(core, 'broadcasts.get', { id: draft.id })).stats.recipients).toBe(1);
  });

  it('leaves out clients who did not agree to the channel, and those who opted out', async () => {
    await addClients(core);
    const noConsent = await call(core, 'contacts.create', { name: 'Fay Gold', phone: '(415) 555-2672' });
    await call(core, 'contacts.setConsent', { id: 1, channel: 'sms', status: 'opted_out', reason: 'Asked at the desk' });
    const audience = await call(core, 'audience.summary', { filter: EVERYONE });
    expect(audience.sms).toEqual({ reachable: 3, optedOut: 1, noConsent: 1, noAddress: 1 });

    const draft = await createBroadcast(core, { name: 'Consent', type: 'sms', body: 'Hello' });
    await call(core, 'broadcasts.launch', { id: draft.id });
    const { deliveries } = await call(core, 'broadcasts.deliveries', { id: draft.id });
    expect(deliveries.map((d) => d.recipientName).sort()).toEqual(['Bo Chen', 'Cy Duran', 'Di Evans']);
    expect(deliveries.some((d) => d.recipientName === noConsent.name)).toBe(false);
  });

  it('refuses to launch to nobody and leaves the draft as it was', async () => {
    await call(core, 'contacts.create', { name: 'Ed Fox', email: 'ed@gmail.com', consent: EVERY_CHANNEL });
    const draft = await createBroadcast(core, { name: 'Texts', type: 'sms', body: 'Hello' });
    const result = await core.dispatch('broadcasts.launch', { id: draft.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'audience' }] } });
    expect(await call(core, 'broadcasts.get', { id: draft.id })).toMatchObject({ status: 'draft', stats: { recipients: 0 } });
  });
});
