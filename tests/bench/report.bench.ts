import Database from 'better-sqlite3';
import { join } from 'node:path';
import { call, createTestCore, tempDir } from '../support/test-core';
import { createBroadcast } from '../support/broadcasts';
import { record } from './figures';
import { seedContacts } from './seed-contacts';

const MB = 1024 * 1024;

/**
 * Launch one step to a generated list, then give its messages the mix of outcomes and times a finished
 * broadcast has, straight in SQL (sending them all would take minutes and measure something else).
 */
function finishBroadcast(dbPath: string): void {
  const db = new Database(dbPath);
  db.exec(`UPDATE deliveries SET
      status = CASE id % 20 WHEN 0 THEN 'failed' WHEN 1 THEN 'undelivered' WHEN 2 THEN 'no_report' WHEN 3 THEN 'skipped' ELSE 'delivered' END,
      accepted_at = CASE WHEN id % 20 IN (0, 3) THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-04T09:00:00Z', '+' || (id / 40) || ' seconds') END,
      final_at = strftime('%Y-%m-%dT%H:%M:%fZ', '2026-12-04T09:01:00Z', '+' || (id / 40) || ' seconds'),
      error_code = CASE id % 20 WHEN 0 THEN '21614' WHEN 1 THEN '30003' END,
      provider_message_id = 'SM' || printf('%032d', id), segments = 1, cost_estimate = 0.0083,
      price = CASE WHEN id % 20 > 3 THEN 0.0079 END, price_unit = CASE WHEN id % 20 > 3 THEN 'USD' END`);
  db.close();
}

/** The delivery report of a 100,000-message broadcast: its time, and how much the process grows writing it. */
export async function benchDeliveryReport(size: number, label: string): Promise<void> {
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, size, { everyoneReachable: true });
  const core = createTestCore(dir.path);
  const draft = await createBroadcast(core, { name: 'Bench report', type: 'sms', body: 'Hi {{firstName|there}}' });
  await call(core, 'broadcasts.launch', { id: draft.id });
  finishBroadcast(dbPath);

  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const { rows } = await call(core, 'reports.deliveriesCsv', { filter: { broadcastId: draft.id }, separator: ',' });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  record(`report.csv_s.${label}`, seconds, 's');
  record(`report.rss_growth_mb.${label}`, (peak - before) / MB, 'MB');
  console.log(`  (${rows.toLocaleString('en-US')} rows written)`);
  await core.stop();
  dir.remove();
}
