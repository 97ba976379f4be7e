import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Provider } from '../../electron/core/providers/provider';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';
import { createBroadcast } from '../support/broadcasts';
import { record } from './figures';
import { seedContacts } from './seed-contacts';

/** Accepts every message at once and reports it delivered on the first status check. */
function zeroLatencyProvider(): Provider {
  let next = 0;
  return {
    id: 'zero-latency',
    send: async () => ({ kind: 'accepted', providerMessageId: `ZL${next++}` }),
    fetchStatuses: async (awaited) => awaited.map(({ providerMessageId }) => ({ providerMessageId, status: 'delivered' })),
    lookup: async () => ({ kind: 'not_found' }),
  };
}

/** Launch to every reachable contact of a generated list, then send it all to a provider that never waits. */
export async function benchDelivery(size: number, label: string): Promise<void> {
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, size);
  const core = createTestCore(dir.path, { providerOverrides: { sms: { provider: zeroLatencyProvider(), limits: { perSecond: 100_000 } } } });
  const draft = await createBroadcast(core, { name: 'Bench', type: 'sms', body: 'Hello from the bench' });

  let started = performance.now();
  const launched = await call(core, 'broadcasts.launch', { id: draft.id });
  record(`launch.snapshot_s.${label}_x1`, (performance.now() - started) / 1000, 's');
  const messages = launched.stats.pending;

  const reader = new Database(dbPath, { readonly: true });
  const notYetSent = reader.prepare(`SELECT COUNT(*) FROM deliveries WHERE status IN ('queued', 'sending')`).pluck();
  started = performance.now();
  core.start();
  await waitFor(() => (notYetSent.get() === 0 ? true : undefined), 600_000);
  record(`dispatch.msgs_per_s.unlimited`, messages / ((performance.now() - started) / 1000), 'messages/s');
  await waitFor(async () => ((await call(core, 'broadcasts.get', { id: draft.id })).status === 'completed' ? true : undefined), 600_000);
  record(`dispatch.all_final_s.zero_latency.${label}`, (performance.now() - started) / 1000, 's');
  reader.close();
  await core.stop();
  dir.remove();
}
