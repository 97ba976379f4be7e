import { join } from 'node:path';
import { openReader } from '../../db/open';
import { countDeliveriesByCell } from '../../electron/core/tracking/delivery-counts';
import type { DeliverySort } from '../../shared/tracking';
import { call, createTestCore, tempDir } from '../support/test-core';
import { p95Ms, record } from './figures';
import { seedTrackedBroadcast } from './seed-tracking';

/** The 95th percentile of the CPU time `run` takes, in milliseconds. */
async function cpuP95Ms(times: number, run: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = process.cpuUsage();
    await run();
    const { user, system } = process.cpuUsage(started);
    samples.push((user + system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.ceil(samples.length * 0.95) - 1] ?? 0;
}

/**
 * A finished two-day text and email broadcast of `messages` deliveries: its day x channel matrix, the
 * broadcast page's whole call (the matrix, the total and the cost), and a page of its messages deep in
 * the list.
 */
export async function benchTracking(messages: number, label: string): Promise<void> {
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  const broadcastId = seedTrackedBroadcast(dbPath, messages / 4, 2);
  const core = createTestCore(dir.path);
  const broadcastPage = () => call(core, 'tracking.broadcast', { id: broadcastId });
  const { total } = await broadcastPage();
  console.log(`  (${total.recipients.toLocaleString('en-US')} messages, ${total.optedOut} opted out, ${total.replied} replied)`);

  // The matrix: every day x channel cell's counts, with the opt-outs and replies that followed, read
  // through the same kind of connection as the core's tracking.
  const sqlite = openReader(dbPath);
  const matrix = () => countDeliveriesByCell(sqlite, { broadcastId }, 'UTC');
  record(`tracking.breakdown_p95_ms.${label}`, await p95Ms(40, matrix), 'ms');
  // The same in CPU time: on a machine busy with other work, the wall clock also counts the waits.
  record(`tracking.breakdown_cpu_p95_ms.${label}`, await cpuP95Ms(40, matrix), 'ms');
  sqlite.close();
  // The broadcast page's whole call: the matrix, the total and the cost (which reads every text).
  record(`tracking.broadcast_p95_ms.${label}`, await p95Ms(40, broadcastPage), 'ms');

  for (const sort of ['time', 'name'] satisfies DeliverySort[]) {
    // The page after the 50,000th message: a keyset page costs what the first does.
    let after: string | undefined;
    for (let page = 0; page < 100; page++) {
      const { next } = await call(core, 'tracking.deliveries', { filter: { broadcastId }, sort, limit: 500, ...(after && { after }) });
      after = next ?? undefined;
    }
    const deepPage = () => call(core, 'tracking.deliveries', { filter: { broadcastId }, sort, limit: 100, ...(after && { after }) });
    record(`tracking.deliveries_page_by_${sort}_p95_ms.${label}`, await p95Ms(20, deepPage), 'ms');
  }
  await core.stop();
  dir.remove();
}
