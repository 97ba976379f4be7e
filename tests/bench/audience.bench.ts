import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AudienceFilter } from '../../shared/audience';
import { compileFilter } from '../../electron/core/audience/compile-filter';
import { filterContext } from '../../electron/core/audience/filter-context';
import { call, createTestCore, tempDir } from '../support/test-core';
import { p95Ms, record } from './figures';
import { seedContacts } from './seed-contacts';

const NOW = new Date('2026-11-21T12:00:00Z');
const RUNS = 30;

/** Three conditions an owner would combine: a status, a number and a relative date. */
const FILTER: AudienceFilter = {
  kind: 'group',
  match: 'all',
  conditions: [
    { kind: 'text', field: 'leadStatus', op: 'is', value: 'regular' },
    { kind: 'number', field: 'visitCount', op: 'gte', value: 3 },
    { kind: 'date', field: 'lastVisitAt', op: 'more_than_days_ago', value: 60 },
  ],
};
const HAND_WRITTEN =
  "SELECT COUNT(*) FROM contacts WHERE lead_status = 'regular' COLLATE NOCASE AND visit_count >= 3 AND last_visit_at < ?";

/** Live audience numbers and the contacts table's first page, on a generated list of `size` contacts. */
export async function benchAudience(size: number, label: string): Promise<void> {
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  let started = performance.now();
  seedContacts(dbPath, size);
  console.log(`  (seeded ${label} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const core = createTestCore(dir.path, { clock: { now: () => NOW } });
  await call(core, 'settings.update', { timeZone: 'UTC' });

  record(`audience.count_p95_ms.${label}`, await p95Ms(RUNS, () => call(core, 'audience.summary', { filter: FILTER })), 'ms');

  // The same count, our compiled filter against SQL written by hand, on a connection of its own.
  const sqlite = new Database(dbPath, { readonly: true });
  const compiled = compileFilter(FILTER, filterContext(NOW, 'UTC'));
  const ours = sqlite.prepare(`SELECT COUNT(*) FROM contacts WHERE ${compiled.sql}`).pluck();
  const theirs = sqlite.prepare(HAND_WRITTEN).pluck();
  const cutoff = compiled.params.at(-1);
  if (ours.get(...compiled.params) !== theirs.get(cutoff)) throw new Error('compiled and hand-written counts differ');
  const oursMs = await p95Ms(RUNS, () => ours.get(...compiled.params));
  const theirsMs = await p95Ms(RUNS, () => theirs.get(cutoff));
  record(`audience.count_vs_sql.${label}`, oursMs / theirsMs, 'ratio');
  sqlite.close();

  started = performance.now();
  await call(core, 'contacts.list', { limit: 200 });
  record(`contacts.page_ms.${label}`, performance.now() - started, 'ms');
  record(`contacts.page_p95_ms.${label}`, await p95Ms(RUNS, () => call(core, 'contacts.list', { limit: 200 })), 'ms');

  await core.stop();
  dir.remove();
}
