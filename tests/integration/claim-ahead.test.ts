import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Provider } from '../../electron/core/providers/provider';
import { seedContacts } from '../bench/seed-contacts';
import { createBroadcast } from '../support/broadcasts';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';

// How many texts the engine holds claimed at once: a large broadcast to a fast provider is claimed a
// thousand at a time, so memory stays small, and stopping the app claims nothing more.

const CLIENTS = 2_500;
const CLAIM_AHEAD = 1_000;
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A provider as fast as the settings allow, that holds every send until the test opens the gate. */
function gatedProvider() {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const sentTo: string[] = [];
  const provider: Provider = {
    id: 'gated',
    send: async (message) => {
      await gate;
      sentTo.push(message.to);
      return { kind: 'accepted', providerMessageId: `GATED${sentTo.length}` };
    },
    fetchStatuses: async (awaited) => awaited.map(({ providerMessageId }) => ({ providerMessageId, status: 'delivered' })),
    lookup: async () => ({ kind: 'not_found' }),
  };
  return { provider, open, sentTo };
}

async function launchToEveryone() {
  const dir = tempDir();
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, CLIENTS, { everyoneReachable: true });
  const gated = gatedProvider();
  const core = createTestCore(dir.path, { providerOverrides: { sms: { provider: gated.provider, limits: { perSecond: 100_000 } } } });
  const reader = new Database(dbPath, { readonly: true });
  cleanups.push(() => dir.remove());
  cleanups.push(() => void reader.close());
  await call(core, 'settings.update', { timeZone: 'UTC', quietHours: { start: '00:00', end: '23:59' } });
  const draft = await createBroadcast(core, { name: 'Everyone', body: 'Hello' });
  await call(core, 'broadcasts.launch', { id: draft.id });
  const countAt = (status: string) => reader.prepare('SELECT COUNT(*) FROM deliveries WHERE status = ?').pluck().get(status) as number;
  return { core, gated, countAt };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('claiming ahead of the provider', () => {
  it('holds at most a thousand texts claimed, across ticks, and sends every one exactly once', async () => {
    const { core, gated, countAt } = await launchToEveryone();
    cleanups.push(() => core.stop());
    core.start();

    await waitFor(() => (countAt('sending') === CLAIM_AHEAD ? true : undefined));
    await pause(2_500); // two ticks: the provider still holds the first thousand, so nothing more is claimed
    expect(countAt('sending')).toBe(CLAIM_AHEAD);
    expect(countAt('queued')).toBe(CLIENTS - CLAIM_AHEAD);

    gated.open();
    await waitFor(() => (countAt('accepted') + countAt('delivered') === CLIENTS ? true : undefined), 30_000);
    expect(new Set(gated.sentTo).size).toBe(CLIENTS);
    expect(gated.sentTo).toHaveLength(CLIENTS);
  });

  it('claims nothing more once stopping: the sends under way are recorded and the rest stay queued', async () => {
    const { core, gated, countAt } = await launchToEveryone();
    core.start();
    await waitFor(() => (countAt('sending') === CLAIM_AHEAD ? true : undefined));

    const stopping = core.stop();
    gated.open();
    await stopping;

    expect(gated.sentTo).toHaveLength(CLAIM_AHEAD);
    expect(countAt('accepted') + countAt('delivered')).toBe(CLAIM_AHEAD);
    expect(countAt('sending')).toBe(0);
    expect(countAt('queued')).toBe(CLIENTS - CLAIM_AHEAD);
  });
});
