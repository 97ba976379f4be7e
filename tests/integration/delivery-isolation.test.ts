import { afterEach, describe, expect, it } from 'vitest';
import { createBroadcast, simpleDraft } from '../support/broadcasts';
import { addClients, finished } from '../support/live-sending';
import { call, createTestCore, tempDir } from '../support/test-core';

// Issue 12, point 8: one delivery that cannot be written or sent fails alone, with a reason; every
// other delivery and broadcast goes on, on time.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('one bad delivery never stops the others', () => {
  it('an email that cannot be written fails with its reason, and a broadcast sending beside it is delivered', async () => {
    const dir = tempDir();
    const core = createTestCore(dir.path);
    cleanups.push(() => dir.remove(), () => core.stop());
    await call(core, 'settings.update', { timeZone: 'UTC', quietHours: { start: '00:00', end: '23:59' } });
    await addClients(core, [
      { name: 'Ana Lima', phone: '+14155552671', email: 'ana@gmail.com' },
      { name: 'Bo Chen', phone: '+14155552600', email: 'bo@gmail.com' },
    ]);
    // Quoted 3,000 levels deep: Markdown's parser runs out of stack writing it (the contract allows 100,000 characters).
    const draft = simpleDraft({ name: 'Deep quote', type: 'email', subject: 'Hello' });
    draft.steps[0]!.email.body = `${'>'.repeat(3_000)} hi`;
    const unwritable = await call(core, 'broadcasts.saveDraft', { draft });
    const plain = await createBroadcast(core, { name: 'Plain', body: 'We are open Sunday' });
    await call(core, 'broadcasts.launch', { id: unwritable.id });
    await call(core, 'broadcasts.launch', { id: plain.id });
    core.start();

    const failed = await finished(core, unwritable.id);
    const delivered = await finished(core, plain.id);

    expect(failed.stats).toMatchObject({ recipients: 2, failed: 2, sent: 0, pending: 0 });
    expect(delivered.stats).toMatchObject({ recipients: 2, sent: 2, pending: 0 });
    const { deliveries } = await call(core, 'broadcasts.deliveries', { id: unwritable.id });
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({ status: 'failed', errorCode: 'not_composed', errorMessage: expect.stringContaining('could not be written') });
    }
  });
});
