import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Core } from '../../electron/core';
import { startTwilioDouble, type TwilioDouble } from '../doubles/twilio/twilio-double';
import { createBroadcast } from '../support/broadcasts';
import { clientPhones, finished, goLive, OUR_NUMBER } from '../support/live-sending';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';
import { record } from './figures';
import { seedContacts } from './seed-contacts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface LiveBench {
  twilio: TwilioDouble;
  core: Core;
  reader: Database.Database;
  phones: string[];
  close(): Promise<void>;
}

/** `clients` seeded clients sending live at `perSecond` through the Twilio double (in this process, on the real clock). */
async function liveBench(clients: number, perSecond: number): Promise<LiveBench> {
  const twilio = await startTwilioDouble({ senders: [OUR_NUMBER], statusStepMs: 20, clock: { now: () => new Date() } });
  const dir = tempDir('salon-bench-');
  const dbPath = join(dir.path, 'salon.db');
  seedContacts(dbPath, clients, { everyoneReachable: true });
  const core = createTestCore(dir.path, { endpoints: { twilioBaseUrl: twilio.baseUrl, timeoutMs: 5_000 } });
  await goLive(core, { twilio }, { smsPerSecond: perSecond });
  const reader = new Database(dbPath, { readonly: true });
  const close = async () => {
    reader.close();
    await core.stop();
    await twilio.close();
    dir.remove();
  };
  return { twilio, core, reader, phones: clientPhones(clients), close };
}

async function launch(core: Core, body: string): Promise<number> {
  const draft = await createBroadcast(core, { name: 'Bench', body });
  await call(core, 'broadcasts.launch', { id: draft.id });
  core.start();
  return draft.id;
}

/**
 * 20 clients reply STOP at random moments during a 10 texts/s send: the worst time from the reply
 * existing at Twilio until that client can no longer be claimed (their text consent is opted out).
 */
export async function benchStopDuringSend(): Promise<void> {
  const clients = 600; // a minute of sending at 10 a second
  const bench = await liveBench(clients, 10);
  const optedOut = bench.reader.prepare(`SELECT sms_consent = 'opted_out' FROM contacts WHERE phone = ?`).pluck();
  const id = await launch(bench.core, 'Late opening on Thursday');
  const stopping = [...bench.phones.slice(clients / 2)].sort(() => Math.random() - 0.5).slice(0, 20);
  const waits: number[] = [];
  const stoppedAt = new Map<string, number>();
  for (const phone of stopping) {
    await sleep(500 + Math.random() * 1_500);
    bench.twilio.addInbound({ from: phone, body: 'STOP' });
    stoppedAt.set(phone, Date.now());
    const repliedAt = performance.now();
    await waitFor(() => (optedOut.get(phone) === 1 ? true : undefined), 60_000);
    waits.push((performance.now() - repliedAt) / 1000);
  }
  record('optout.stop_to_skip_s.sending', Math.max(...waits), 's (worst of 20)');
  // The double's clock is the real one: a create to a client after their STOP is a text they should not have had.
  const textedAfterStop = bench.twilio
    .requests()
    .filter((request) => request.kind === 'create' && request.outcome === 201)
    .filter((request) => {
      const stopped = stoppedAt.get(String(request.form.To));
      return stopped !== undefined && request.atMs > stopped;
    });
  record('optout.texted_after_stop.sending', textedAfterStop.length, 'texts');
  await finished(bench.core, id, { timeoutMs: 180_000 });
  await bench.close();
}

/**
 * A 60 s storm of 429s with Retry-After: 5 during a 20 texts/s send: how many creates Twilio refused
 * (a limiter that ignores it keeps sending at full rate: about 1,200).
 */
export async function benchRefusedIn429Storm(): Promise<void> {
  const clients = 1_600;
  const bench = await liveBench(clients, 20);
  const id = await launch(bench.core, 'Summer hours start Monday');
  await sleep(5_000);
  bench.twilio.failNext({ kind: 'rate-limit', retryAfterSeconds: 5 }, { on: 'create', times: Infinity });
  await sleep(60_000);
  bench.twilio.clearFaults();
  const done = await finished(bench.core, id, { timeoutMs: 300_000 });
  const refused = bench.twilio.requests().filter((request) => request.kind === 'create' && request.outcome === 429).length;
  record('dispatch.refused_in_429_storm.60s', refused, 'refused creates');
  const received = bench.twilio.messages('outbound-api');
  if (done.stats.delivered !== clients || new Set(received.map((message) => message.to)).size !== clients || received.length !== clients) {
    throw new Error(`after the storm ${received.length} texts reached ${clients} clients (${done.stats.delivered} delivered)`);
  }
  await bench.close();
}
