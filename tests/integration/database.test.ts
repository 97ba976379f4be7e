import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DatabaseFromFutureError, DEFAULT_MIGRATIONS_DIR, openDatabase, openReader } from '../../db/open';
import { Outbox } from '../../electron/core/delivery/outbox';
import { systemClock } from '../../electron/core/clock';
import { createSandboxProvider } from '../../electron/core/providers/sandbox/sandbox-provider';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';
import { createBroadcast } from '../support/broadcasts';

describe('database', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, 'salon.db');
  });
  afterEach(() => dir.remove());

  it('opens with WAL, full sync, a busy timeout and foreign keys, and migrates', () => {
    const { sqlite, close } = openDatabase(path);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    for (const table of ['contacts', 'campaigns', 'campaign_steps', 'campaign_recipients', 'deliveries', 'delivery_events', 'settings', 'audit_log']) {
      expect(tables).toContain(table);
    }
    close();
    // Opening again applies nothing twice.
    const again = openDatabase(path);
    const shipped = readMigrationFiles({ migrationsFolder: DEFAULT_MIGRATIONS_DIR }).length;
    expect(shipped).toBeGreaterThan(1);
    expect(again.sqlite.prepare('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get()).toBe(shipped);
    again.close();
  });

  it('keeps the writer lean and gives scans a read-only connection that sees every commit', () => {
    const { sqlite, close } = openDatabase(path);
    expect(sqlite.pragma('mmap_size', { simple: true })).toBe(0);
    const reader = openReader(path);
    expect(reader.pragma('mmap_size', { simple: true })).toBeGreaterThan(0);
    const count = reader.prepare('SELECT COUNT(*) FROM contacts').pluck();
    expect(count.get()).toBe(0);
    const now = new Date().toISOString();
    sqlite.prepare('INSERT INTO contacts (name, created_at, updated_at) VALUES (?, ?, ?)').run('Ada', now, now);
    expect(count.get()).toBe(1);
    expect(() => reader.prepare('DELETE FROM contacts').run()).toThrow(/readonly/);
    reader.close();
    close();
  });

  it('upgrades a database from the first release, keeping its clients', () => {
    // The migrations folder as the first release shipped it: only 0000.
    const firstRelease = join(dir.path, 'migrations-v1');
    mkdirSync(join(firstRelease, 'meta'), { recursive: true });
    const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'));
    const [first] = journal.entries;
    writeFileSync(join(firstRelease, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
    copyFileSync(join(DEFAULT_MIGRATIONS_DIR, `${first.tag}.sql`), join(firstRelease, `${first.tag}.sql`));

    const old = openDatabase(path, { migrationsDir: firstRelease });
    old.sqlite.prepare(`INSERT INTO contacts (name, phone, created_at, updated_at) VALUES ('Ana', '+14155552671', 'x', 'x')`).run();
    old.close();

    const upgraded = openDatabase(path);
    expect(upgraded.sqlite.prepare('SELECT name, phone, sms_consent, custom_fields FROM contacts').all()).toEqual([
      { name: 'Ana', phone: '+14155552671', sms_consent: 'unknown', custom_fields: '{}' },
    ]);
    upgraded.close();
  });

  it('refuses a database written by a newer version, and leaves the file untouched', () => {
    openDatabase(path).close();
    const raw = new Database(path);
    raw.prepare(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)`).run(Date.now() + 10 ** 10);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(DatabaseFromFutureError);
    expect(() => openDatabase(path)).toThrow(/newer version of Salon Broadcast/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('restart after a crash mid-send', () => {
  it('adopts what the provider already has and sends the rest once: nothing twice, nothing lost', async () => {
    const dir = tempDir();
    const first = createTestCore(dir.path); // not started: we play the crashed sender by hand
    for (const [name, phone] of [['Ana', '4155552671'], ['Bo', '4155552600'], ['Cy', '4155552601']] as const) {
      await call(first, 'contacts.create', { name, phone, consent: { sms: 'granted', email: 'unknown' } });
    }
    const draft = await createBroadcast(first, { name: 'Crash', type: 'sms', body: 'Hello' });
    await call(first, 'broadcasts.launch', { id: draft.id });
    await first.stop();

    // A sender claims all three, gets one to the provider, and dies before recording anything.
    const { db, close } = openDatabase(join(dir.path, 'salon.db'));
    const { claimed } = new Outbox(db, () => ({ name: 'Salon', postalAddress: '' })).claimDue(
      { channels: ['sms'], providerId: 'sandbox', limit: 10, dailyCap: null, budgetCap: null, pricePerSegment: 0.0083, validUntil: new Date(Date.now() + 3_600_000), frequencyCap: 2 },
      new Date(),
    );
    expect(claimed).toHaveLength(3);
    const sandbox = createSandboxProvider(db, { clock: systemClock });
    const reached = claimed[0];
    if (!reached) throw new Error('nothing claimed');
    await sandbox.send(reached.message);
    close();

    const second = createTestCore(dir.path);
    second.start();
    const done = await waitFor(async () => {
      const b = await call(second, 'broadcasts.get', { id: draft.id });
      return b.status === 'completed' ? b : undefined;
    });
    expect(done.stats).toEqual({ recipients: 3, sent: 3, delivered: 3, failed: 0, pending: 0, tried: 3, cancelled: 0, skipped: 0, unknown: 0, noReport: 0, cost: 0, practiceCost: expect.closeTo(3 * 0.0083, 6) });
    await second.stop();

    const check = new Database(join(dir.path, 'salon.db'), { readonly: true });
    const perAddress = check.prepare(`SELECT "to", COUNT(*) AS n FROM sandbox_messages GROUP BY "to"`).all() as Array<{ n: number }>;
    expect(perAddress).toHaveLength(3);
    expect(perAddress.every((row) => row.n === 1)).toBe(true);
    const path = check
      .prepare(`SELECT group_concat(to_status, '>') FROM delivery_events WHERE delivery_id = ? ORDER BY id`)
      .pluck()
      .get(reached.id);
    expect(path).toMatch(/^queued>sending>unknown>accepted>/);
    check.close();
    dir.remove();
  });
});
