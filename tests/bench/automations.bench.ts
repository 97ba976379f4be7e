import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { AutomationRunner } from '../../electron/core/automations/automation-runner';
import { AutomationsRepository, editOf } from '../../electron/core/automations/automations-repository';
import { rehearseAutomation } from '../../electron/core/automations/rehearse';
import { Outbox } from '../../electron/core/delivery/outbox';
import { silentLogger } from '../../electron/core/log';
import { SettingsRepository } from '../../electron/core/settings/settings-repository';
import { tempDir } from '../support/test-core';
import { record } from './figures';
import { seedContacts } from './seed-contacts';

/** The salon day the benches run on (the seeded birthdays fall on its 7th day after), and its noon: every ready-made send time has come. */
const DAY = '2026-10-27';
const NOON = new Date(`${DAY}T12:00:00Z`);

/** The engine's automation pieces over a seeded list: birthdays every day of the year, visits over two years. */
function openSalon(count: number) {
  const dir = tempDir('salon-bench-automations-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, count);
  const { db, close } = openDatabase(dbPath);
  const settings = new SettingsRepository(db);
  settings.set({ timeZone: 'UTC', frequencyCap: 2 });
  const automations = new AutomationsRepository(db);
  automations.ensureReadyMade(NOON);
  for (const row of automations.rows()) automations.setEnabled(row.id, true, DAY, new Date(`${DAY}T00:00:00Z`));
  const outbox = new Outbox(db, () => ({ name: 'Salon', postalAddress: '' }));
  const clock = { now: () => NOON };
  const runner = new AutomationRunner({ db, automations, settings, outbox, clock, log: { ...silentLogger, error: (message, detail) => console.error(message, detail) } });
  return {
    db,
    settings,
    automations,
    runner,
    close: () => {
      close();
      dir.remove();
    },
  };
}

/** automations.evaluate_s.100k: one daily look at the five ready-made automations over 100,000 clients. */
export function benchAutomationsEvaluate(count: number, label: string): void {
  const salon = openSalon(count);
  const started = performance.now();
  salon.runner.runAll(NOON);
  record(`automations.evaluate_s.${label}`, (performance.now() - started) / 1000, 's');
  const decided = salon.db.$client.prepare(`SELECT outcome, COUNT(*) AS n FROM automation_enrolments GROUP BY outcome`).all() as Array<{ outcome: string; n: number }>;
  for (const { outcome, n } of decided) record(`automations.evaluate_${outcome}.${label}`, n, 'clients');
  salon.close();
}

/**
 * automations.welcome_after_import_s.100k: Welcome on, then a list of 100,000 clients who agreed is
 * imported: looks a batch at a time greet them all (the ledger, the run and its messages).
 */
export function benchAutomationsWelcomeAll(count: number, label: string): void {
  const salon = openSalon(count);
  // The seeded clients were written now, after the automations were turned on at the bench's day.
  const later = new Date(Date.now() + 60_000);
  const decisionsSoFar = () => salon.db.$client.prepare('SELECT COUNT(*) FROM automation_enrolments').pluck().get() as number;
  let longest = 0;
  const started = performance.now();
  for (let look = 0; look < 1_000; look++) {
    const lookStarted = performance.now();
    const before = decisionsSoFar();
    salon.runner.runAll(later);
    longest = Math.max(longest, performance.now() - lookStarted);
    if (decisionsSoFar() === before) break;
  }
  record(`automations.welcome_after_import_s.${label}`, (performance.now() - started) / 1000, 's');
  // What the engine's tick waits for at most: one batch.
  record(`automations.longest_look_ms.${label}`, longest, 'ms');
  record(`automations.welcome_decisions.${label}`, decisionsSoFar(), 'clients');
  salon.close();
}

/** automations.rehearse_30d_s.10k: 30 simulated days over 10,000 clients, for each ready-made automation in turn. */
export function benchAutomationsRehearse(count: number, label: string): void {
  const salon = openSalon(count);
  const settings = salon.settings.get();
  let slowest = 0;
  let total = 0;
  for (const row of salon.automations.rows()) {
    const started = performance.now();
    rehearseAutomation(salon.db.$client, { automation: row, edit: editOf(row) }, settings, NOON, 30);
    const seconds = (performance.now() - started) / 1000;
    slowest = Math.max(slowest, seconds);
    total += seconds;
  }
  record(`automations.rehearse_30d_s.${label}`, slowest, 's');
  record(`automations.rehearse_30d_all_five_s.${label}`, total, 's');
  salon.close();
}
