import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput } from '../../shared/contract';
import { createCore, type Core } from '../../electron/core';
import { createBroadcast } from '../support/broadcasts';
import { addClients, goLive, saveTwilioAccount } from '../support/live-sending';
import { call } from '../support/test-core';
import { roundKeyPath } from './round-key';

const DB_FILE = 'salon.db';
/** The cores made here are never started and send nothing; were one to try, it would reach nothing but this machine. */
const NOWHERE = { twilioBaseUrl: 'http://127.0.0.1:9' };

/** One Twilio account for the whole run: each round's double answers to it, so the saved settings stay valid. */
export const TWILIO_ACCOUNT = { accountSid: `AC${randomBytes(16).toString('hex')}`, authToken: randomBytes(16).toString('hex') };

/** A launched round: its database and its broadcast. */
export interface Round {
  dbPath: string;
  campaignId: number;
}

/**
 * A data folder made once and copied for every round: Twilio saved, live sending on, and a client
 * who agreed to texts for each of `phones`.
 */
export async function prepareTemplate(dir: string, phones: readonly string[]): Promise<void> {
  await withCore(join(dir, DB_FILE), async (core) => {
    // As fast as the settings allow (100 texts a second).
    await goLive(core, { twilio: TWILIO_ACCOUNT }, { smsPerSecond: 100 });
    await addClients(core, phones.map((phone, i) => ({ name: `Client ${i}`, phone })));
  });
}

/**
 * Copy the template into `dir`, save the Twilio account for this round's double at `twilioBaseUrl` (a
 * saved secret only ever goes to the address it was saved for), and launch a one-text broadcast to
 * every client there; nothing is sent until an engine starts.
 */
export async function launchRound(templateDir: string, dir: string, body: string, twilioBaseUrl: string): Promise<Round> {
  cpSync(templateDir, dir, { recursive: true });
  const dbPath = join(dir, DB_FILE);
  const campaignId = await withCore(
    dbPath,
    async (core) => {
      await saveTwilioAccount(core, TWILIO_ACCOUNT);
      const draft = await createBroadcast(core, { name: 'Soak', body });
      await call(core, 'broadcasts.launch', { id: draft.id });
      return draft.id;
    },
    { twilioBaseUrl },
  );
  return { dbPath, campaignId };
}

/**
 * A data folder in `dir` for a round of automations: Twilio saved for this round's double at
 * `twilioBaseUrl`, live sending on, `settings` on top, and `clients` as given (with their own consent).
 * Every automation is off: an engine turns them on. Returns the database's path.
 */
export async function prepareSalon(
  dir: string,
  twilioBaseUrl: string,
  settings: MethodInput<'settings.update'>,
  clients: ReadonlyArray<MethodInput<'contacts.create'>>,
): Promise<string> {
  const dbPath = join(dir, DB_FILE);
  await withCore(
    dbPath,
    async (core) => {
      await goLive(core, { twilio: TWILIO_ACCOUNT }, { smsPerSecond: 100 });
      await call(core, 'settings.update', settings);
      for (const client of clients) await call(core, 'contacts.create', client);
    },
    { twilioBaseUrl },
  );
  return dbPath;
}

/** The broadcast's numbers as the owner sees them, from a core opened on the stopped engine's database. */
export function broadcastStats({ dbPath, campaignId }: Round) {
  return withCore(dbPath, async (core) => (await call(core, 'broadcasts.get', { id: campaignId })).stats);
}

/** A core that is never started (it sends nothing), for the length of `use`: on a stopped engine's database, what the owner sees. */
export async function withCore<T>(dbPath: string, use: (core: Core) => Promise<T>, endpoints = NOWHERE): Promise<T> {
  const core = createCore({ dbPath, host: 'web', endpoints, secretKeyPath: roundKeyPath(dbPath) });
  try {
    return await use(core);
  } finally {
    await core.stop();
  }
}
