import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../electron/core';
import { systemClock } from '../../electron/core/clock';
import { SMS_PER_SECOND_MAX } from '../../shared/sending';
import { createTwilioProvider } from '../../electron/core/providers/twilio/twilio-provider';
import { startTwilioDoubleProcess, type DoubleProcess } from '../doubles/twilio/double-process';
import { createBroadcast } from '../support/broadcasts';
import { goLive, OUR_NUMBER } from '../support/live-sending';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';
import { record } from './figures';
import { seedContacts } from './seed-contacts';

const MB = 2 ** 20;
/** Long enough for V8 to hand back heap it grew while busy. */
const IDLE_MS = 20_000;

interface Memory {
  rss: number;
  /** Live JavaScript objects. */
  heapUsed: number;
  /** Pages of the database file mapped into the process (SQLite's mmap): the kernel's file cache, reclaimable. */
  mappedFile: number;
}

/** The process's memory once garbage is collected (the bench runs with --expose-gc). */
function settledMemory(): Memory {
  if (!global.gc) throw new Error('run the bench with --expose-gc (npm run bench does)');
  global.gc();
  const { rss, heapUsed } = process.memoryUsage();
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '';
  const mappedFile = Number(/RssFile:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  return { rss, heapUsed, mappedFile };
}

/** Send all day in UTC, so the bench never waits for quiet hours to end. */
async function sendAllDay(core: Core): Promise<void> {
  await call(core, 'settings.update', { timeZone: 'UTC', quietHours: { start: '00:00', end: '23:59' } });
}

/** Launch one text to every seeded client and start sending; returns a way to count what is still unsent. */
async function launchToEveryone(core: Core, dbPath: string) {
  const draft = await createBroadcast(core, { name: 'Bench', type: 'sms', body: 'Hello from the bench' });
  await call(core, 'broadcasts.launch', { id: draft.id });
  const reader = new Database(dbPath, { readonly: true });
  const unsent = reader.prepare(`SELECT COUNT(*) FROM deliveries WHERE status IN ('queued', 'sending', 'unknown')`).pluck();
  core.start();
  return { id: draft.id, unsent: () => unsent.get() as number, close: () => reader.close() };
}

interface SendMeasured {
  id: number;
  messagesPerSecond: number;
  before: Memory;
  /** Once a tenth of the texts are sent: memory should stay flat from here on. */
  atTenth: Memory;
  after: Memory;
  close(): void;
}

/** Launch one text to each of the `size` seeded clients, wait until all are sent, and sample memory on the way. */
async function sendToEveryone(core: Core, dbPath: string, size: number, timeoutMs: number): Promise<SendMeasured> {
  const send = await launchToEveryone(core, dbPath);
  const before = settledMemory();
  const started = performance.now();
  let atTenth: Memory | undefined;
  await waitFor(() => {
    const unsent = send.unsent();
    if (atTenth === undefined && size - unsent >= size / 10) atTenth = settledMemory();
    return unsent === 0 ? true : undefined;
  }, timeoutMs);
  const messagesPerSecond = size / ((performance.now() - started) / 1000);
  return { id: send.id, messagesPerSecond, before, atTenth: atTenth ?? before, after: settledMemory(), close: send.close };
}

function recordMemory(label: string, { before, atTenth, after }: SendMeasured): void {
  record(`memory.rss_growth_mb.${label}`, (after.rss - before.rss) / MB, 'MB');
  record(`memory.rss_growth_mb.10pct_to_all.${label}`, (after.rss - atTenth.rss) / MB, 'MB');
  record(`memory.js_heap_growth_mb.${label}`, (after.heapUsed - before.heapUsed) / MB, 'MB');
  record(`memory.mapped_db_growth_mb.${label}`, (after.mappedFile - before.mappedFile) / MB, 'MB');
}

async function allSettled(core: Core, id: number): Promise<void> {
  await waitFor(async () => ((await call(core, 'broadcasts.get', { id })).stats.pending === 0 ? true : undefined), 600_000);
}

function statusSweeps(report: Awaited<ReturnType<DoubleProcess['report']>>): number {
  // Status sweeps list by sender and date; inbound checks list by our number (To); look-ups by both.
  return Object.entries(report.listsByFilter)
    .filter(([filters]) => filters.includes('From') && !filters.includes('To'))
    .reduce((sum, [, count]) => sum + count, 0);
}

function assertEachOnce(report: Awaited<ReturnType<DoubleProcess['report']>>, size: number): void {
  if (report.accepted !== size || report.distinctRecipients !== size || report.violations.length > 0) {
    throw new Error(`the double saw ${report.accepted} texts to ${report.distinctRecipients} numbers for ${size}: ${report.violations.join('; ')}`);
  }
}

/**
 * `size` texts through the real twilio SDK to the Twilio double in its own process, with no rate limit:
 * the engine's top speed with a real HTTP client, and how many list calls follow every status. Memory is
 * recorded too, as a stress figure: at this pace the SDK makes about 100 KB of garbage per text, and V8
 * keeps a larger heap while it does; the figure after a short idle shows that heap handed back.
 */
export async function benchTwilioSdk(size: number, label: string): Promise<void> {
  const twilio = await startTwilioDoubleProcess({ senders: [OUR_NUMBER], statusStepMs: 20 });
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, size, { everyoneReachable: true });
  const provider = createTwilioProvider(
    { accountSid: twilio.accountSid, secret: twilio.authToken, apiKeySid: null, from: OUR_NUMBER, messagingServiceSid: null, baseUrl: twilio.baseUrl },
    systemClock,
  );
  // The settings allow at most 100 texts a second (a short code's rate); this bench wants the engine's own limit.
  const core = createTestCore(dir.path, { providerOverrides: { sms: { provider, limits: { perSecond: 100_000 } } } });
  await sendAllDay(core);

  const sent = await sendToEveryone(core, dbPath, size, 1_800_000);
  record(`dispatch.msgs_per_s.twilio_sdk.${label}`, sent.messagesPerSecond, 'messages/s');
  recordMemory(`unthrottled.${label}`, sent);
  await allSettled(core, sent.id);
  const report = await twilio.report();
  record(`poll.list_calls.${label}`, statusSweeps(report), 'calls');
  assertEachOnce(report, size);
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  record(`memory.rss_growth_mb.unthrottled_after_idle.${label}`, (settledMemory().rss - sent.before.rss) / MB, 'MB');
  sent.close();
  await core.stop();
  await twilio.stop();
  dir.remove();
}

/**
 * The memory figure: `size` texts as the app sends them, through the settings, the real twilio SDK and
 * the Twilio double in its own process, at the fastest rate the settings allow (100 a second).
 */
export async function benchMemoryAtTopRate(size: number, label: string): Promise<void> {
  const twilio = await startTwilioDoubleProcess({ senders: [OUR_NUMBER], statusStepMs: 20 });
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, size, { everyoneReachable: true });
  const core = createTestCore(dir.path, { endpoints: { twilioBaseUrl: twilio.baseUrl } });
  await goLive(core, { twilio }, { smsPerSecond: SMS_PER_SECOND_MAX });

  const sent = await sendToEveryone(core, dbPath, size, (size / SMS_PER_SECOND_MAX) * 1000 * 2 + 60_000);
  record(`dispatch.msgs_per_s.${SMS_PER_SECOND_MAX}mps.${label}`, sent.messagesPerSecond, 'messages/s');
  recordMemory(label, sent);
  await allSettled(core, sent.id);
  assertEachOnce(await twilio.report(), size);
  sent.close();
  await core.stop();
  await twilio.stop();
  dir.remove();
}

/**
 * Texts at the salon's configured rate to a Twilio double that enforces that same rate: how close to
 * the limit sending runs (achieved / limit), and whether any text was ever refused for going too fast.
 */
export async function benchRateUtilisation(perSecond: number, messages: number): Promise<void> {
  const twilio = await startTwilioDoubleProcess({ senders: [OUR_NUMBER], statusStepMs: 20, rateLimit: { perSecond } });
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, messages, { everyoneReachable: true });
  const core = createTestCore(dir.path, { endpoints: { twilioBaseUrl: twilio.baseUrl } });
  await goLive(core, { twilio }, { smsPerSecond: perSecond });

  const send = await launchToEveryone(core, dbPath);
  await waitFor(() => (send.unsent() === 0 ? true : undefined), (messages / perSecond) * 1000 * 3 + 30_000);
  const report = await twilio.report();
  const achieved = (report.accepted - 1) / ((report.lastCreateMs - report.firstCreateMs) / 1000);
  record(`dispatch.rate_utilisation.${perSecond}mps`, achieved / perSecond, 'achieved/limit');
  record('dispatch.over_limit_rejections', report.overLimitRejections, 'rejections');
  send.close();
  await core.stop();
  await twilio.stop();
  dir.remove();
}
