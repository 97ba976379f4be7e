// The data folder on disk: private to the owner, logs that rotate and never throw, uploads that do
// not pile up, and a full disk that fails one call with a reason instead of the host.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../electron/core/log-file';
import { silentLogger } from '../../electron/core/log';
import { createDispatch } from '../../electron/core/rpc/dispatch';
import type { Handlers } from '../../electron/core/rpc/handlers';
import { DEFAULT_CONSENT, finished, importFile, upload } from '../support/csv-fixtures';
import { call, createTestCore, tempDir, waitFor } from '../support/test-core';

const ROOT = resolve(__dirname, '..', '..');
const modeOf = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe('the data folder', () => {
  it.runIf(posix)('is the owner’s only: folder 0700, database, WAL, SHM, logs and uploads 0600, even if an older version left them open', async () => {
    const dir = tempDir();
    const data = join(dir.path, 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    writeFileSync(join(data, 'salon.db'), '');
    chmodSync(join(data, 'salon.db'), 0o644);
    const core = createTestCore(data);
    try {
      await call(core, 'contacts.create', { name: 'Ana Lima', phone: '+14155552671' });
      await call(core, 'imports.upload', { fileName: 'clients.csv', chunk: Buffer.from('name,phone\nBo,+14155552600\n').toString('base64') });
      const log = createFileLogger(join(data, 'logs', 'salon.log'));
      log.info('started');

      expect(modeOf(data)).toBe(0o700);
      for (const name of ['salon.db', 'salon.db-wal', 'salon.db-shm']) expect(modeOf(join(data, name)), name).toBe(0o600);
      expect(modeOf(join(data, 'logs'))).toBe(0o700);
      expect(modeOf(join(data, 'logs', 'salon.log'))).toBe(0o600);
      expect(modeOf(join(data, 'uploads'))).toBe(0o700);
      for (const name of readdirSync(join(data, 'uploads'))) expect(modeOf(join(data, 'uploads', name)), name).toBe(0o600);
    } finally {
      await core.stop();
      dir.remove();
    }
  });

  it('removes an import’s upload once it completes or is cancelled, and abandoned ones a day old at start', async () => {
    const dir = tempDir();
    const uploads = join(dir.path, 'uploads');
    mkdirSync(uploads);
    writeFileSync(join(uploads, 'old.bin'), 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(join(uploads, 'old.bin'), twoDaysAgo, twoDaysAgo);
    writeFileSync(join(uploads, 'recent.bin'), 'x');
    const core = createTestCore(dir.path);
    try {
      expect(readdirSync(uploads).sort()).toEqual(['recent.bin']);
      const imported = await importFile(core, 'clients.csv', Buffer.from('name,phone\nBo Chen,+14155552600\n'));
      expect(imported.status).toBe('completed');
      const stillThere = await upload(core, 'again.csv', Buffer.from('name,phone\nCy Park,+14155552601\n'));
      expect(readdirSync(uploads).filter((name) => name.startsWith(stillThere))).toHaveLength(2);
      // An import cancelled at once (a big file would still be running) lets its file go too.
      const preview = await call(core, 'imports.preview', { uploadId: stillThere });
      const started = await call(core, 'imports.start', { uploadId: stillThere, encoding: preview.encoding, delimiter: preview.delimiter, hasHeader: true, mapping: preview.suggestedMapping, mergeRule: 'fill_empty', consent: DEFAULT_CONSENT });
      await call(core, 'imports.cancel', { id: started.id }).catch(() => undefined);
      await finished(core, started.id);
      await waitFor(() => (readdirSync(uploads).some((name) => name.startsWith(stillThere)) ? undefined : true));
      expect(readdirSync(uploads)).toEqual(['recent.bin']);
    } finally {
      await core.stop();
      dir.remove();
    }
  });
});

describe('a data folder the web host cannot write to', () => {
  it.runIf(process.platform === 'linux')('gets one plain sentence naming the folder, and nothing else', async () => {
    // /sys refuses new folders to everyone, root included: a read-only place to point at.
    const folder = '/sys/salon-broadcast-data';
    const child = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['electron/web/cli.ts', '--data-dir', folder], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('');
    expect(child.stderr.trim().split('\n')).toEqual([
      `Salon Broadcast cannot write to its data folder ${folder}: check that it is not read-only and that your user may write there, or choose another folder.`,
    ]);
  });
});

describe('the log file', () => {
  it('rotates by size while running, keeping the previous file as .old', () => {
    const dir = tempDir();
    const file = join(dir.path, 'logs', 'salon.log');
    const log = createFileLogger(file, 2_000);
    for (let i = 0; i < 100; i++) log.info('a line long enough to fill the file quickly', { i });
    expect(existsSync(`${file}.old`)).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(2_200);
    expect(readFileSync(file, 'utf8')).toContain('"i":99');
    expect(log.dropped).toBe(0);
    dir.remove();
  });

  it.runIf(process.platform === 'linux')('never throws on a full disk: the line is dropped and counted', () => {
    const dir = tempDir();
    mkdirSync(join(dir.path, 'logs'));
    // Linux's /dev/full answers every write with ENOSPC, as a full disk does.
    symlinkSync('/dev/full', join(dir.path, 'logs', 'salon.log'));
    const log = createFileLogger(join(dir.path, 'logs', 'salon.log'));
    expect(() => log.error('the disk is full')).not.toThrow();
    log.info('and again');
    expect(log.dropped).toBe(2);
    dir.remove();
  });
});

describe('a full disk', () => {
  it('fails the one call with a typed disk_full error, and the next calls still work', async () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE notes (body TEXT)');
    // SQLite's own "database or disk is full": the file may not grow past its current pages.
    sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true }))}`);
    const handlers = {
      // A database write with no room left.
      'app.info': () => sqlite.prepare('INSERT INTO notes VALUES (?)').run('x'.repeat(100_000)),
      // A file write with no room left: Linux's /dev/full answers ENOSPC.
      'settings.get': () => writeFileSync(process.platform === 'linux' ? '/dev/full' : join(tempDir().path, 'x'), 'x'),
      'tags.list': () => [],
    } as unknown as Handlers;
    const dispatch = createDispatch(handlers, silentLogger);
    expect(await dispatch('app.info', {})).toEqual({ ok: false, error: { code: 'disk_full', message: expect.stringContaining('The disk is full') } });
    if (process.platform === 'linux') expect(await dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(await dispatch('tags.list', {})).toEqual({ ok: true, value: [] });
    expect(sqlite.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(0);
  });
});
