import { afterEach, describe, expect, it } from 'vitest';
import { createBroadcast } from '../support/broadcasts';
import { finished } from '../support/live-sending';
import { call, createTestCore, tempDir } from '../support/test-core';

// The weekly cap in the claim: a day's text and email are one message, and messages claimed in the
// same batch count toward it as they are claimed.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the weekly frequency cap', () => {
  it('counts a day by text and email as one message, and holds the one too many among broadcasts claimed together', async () => {
    const dir = tempDir();
    const core = createTestCore(dir.path);
    cleanups.push(
      () => dir.remove(),
      () => core.stop(),
    );
    await call(core, 'settings.update', { timeZone: 'UTC', quietHours: { start: '00:00', end: '23:59' }, frequencyCap: 2 });
    await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '+14155552671', email: 'ana@salon.dev', consent: { sms: 'granted', email: 'granted' } });
    core.start();

    const both = await createBroadcast(core, { name: 'Text and email', type: 'sms_email', body: 'New season', subject: 'New season' });
    await call(core, 'broadcasts.launch', { id: both.id });
    expect((await finished(core, both.id)).stats).toMatchObject({ sent: 2, skipped: 0 });

    // Two more launched at once: one is the second message of the week, the other one too many.
    const second = await createBroadcast(core, { name: 'Second', body: 'Open late Friday' });
    const third = await createBroadcast(core, { name: 'Third', body: 'Last slots Saturday' });
    await call(core, 'sending.setPaused', { paused: true });
    await call(core, 'broadcasts.launch', { id: second.id });
    await call(core, 'broadcasts.launch', { id: third.id });
    await call(core, 'sending.setPaused', { paused: false });
    const results = [await finished(core, second.id), await finished(core, third.id)];
    expect(results.map((b) => [b.stats.sent, b.stats.skipped]).sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    const capped = await call(core, 'tracking.summary', { filter: { reason: 'frequency_cap' } });
    expect(capped).toMatchObject({ skipped: 1 });
  });
});
