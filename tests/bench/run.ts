// `npm run bench`: figures for the delivery engine, printed and written to bench-results.json.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../db/open';
import type { Provider } from '../../electron/core/providers/provider';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';

interface Figure {
  id: string;
  value: number;
  unit: string;
}

const figures: Figure[] = [];
function record(id: string, value: number, unit: string): void {
  const rounded = Math.round(value * 1000) / 1000;
  figures.push({ id, value: rounded, unit });
  console.log(`${id.padEnd(40)} ${rounded} ${unit}`);
}

/** Accepts every message at once and reports it delivered on the first status check. */
function zeroLatencyProvider(): Provider {
  let next = 0;
  return {
    id: 'zero-latency',
    ratePerSecond: 100_000,
    send: async () => ({ kind: 'accepted', providerMessageId: `ZL${next++}` }),
    fetchStatuses: async (ids) => ids.map((providerMessageId) => ({ providerMessageId, status: 'delivered' })),
    lookup: async () => ({ kind: 'not_found' }),
  };
}

function seedContacts(dbPath: string, count: number): void {
  const { sqlite, close } = openDatabase(dbPath);
  const insert = sqlite.prepare(
    `INSERT INTO contacts (name, phone, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      insert.run(`Client ${i}`, `+1415${String(2000000 + i).padStart(7, '0')}`, `client${i}@salon.dev`, now, now);
    }
  })();
  close();
}

async function benchLaunchAndSend(contacts: number): Promise<void> {
  const dir = tempDir('salon-bench-');
  seedContacts(join(dir.path, 'salon.db'), contacts);
  const core = createTestCore(dir.path, { providerOverrides: { sms: zeroLatencyProvider() } });
  const draft = await call(core, 'broadcasts.create', { name: 'Bench', channel: 'sms', body: 'Hello from the bench' });

  let started = performance.now();
  await call(core, 'broadcasts.launch', { id: draft.id });
  record(`launch.snapshot_s.${contacts / 1000}k_x1`, (performance.now() - started) / 1000, 's');

  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const reader = new Database(join(dir.path, 'salon.db'), { readonly: true });
  const notYetSent = reader.prepare(`SELECT COUNT(*) FROM deliveries WHERE status IN ('queued', 'sending')`).pluck();
  started = performance.now();
  core.start();
  await waitFor(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    return notYetSent.get() === 0 ? true : undefined;
  }, 600_000);
  const handedOver = (performance.now() - started) / 1000;
  record(`dispatch.messages_per_s.zero_latency.${contacts / 1000}k`, contacts / handedOver, 'messages/s');
  await waitFor(async () => ((await call(core, 'broadcasts.get', { id: draft.id })).stats.pending === 0 ? true : undefined), 600_000);
  record(`dispatch.all_final_s.zero_latency.${contacts / 1000}k`, (performance.now() - started) / 1000, 's');
  record(`dispatch.rss_growth_mb.${contacts / 1000}k`, (rssPeak - rssBefore) / 2 ** 20, 'MB');
  reader.close();
  await core.stop();
  dir.remove();
}

async function main(): Promise<void> {
  await benchLaunchAndSend(Number(process.env.BENCH_CONTACTS ?? 100_000));
  const out = resolve(__dirname, '..', '..', 'bench-results.json');
  writeFileSync(out, JSON.stringify(figures, null, 2) + '\n');
  console.log(`\nwritten to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
