// The real web host CLI, started twice on one data folder: the second start is refused and leaves the
// first one's data alone; once the first is killed, a new start takes its lock over.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../electron/core/data-folder-lock';
import { DB_FILE_NAME } from '../../electron/core/data-location';
import { tempDir } from '../support/test-core';

const ROOT = resolve(__dirname, '..', '..');
/** What a host prints once it serves; the refusal names the first host's link too, but not like this. */
const STARTED = /Salon Broadcast is running\. Open this link[^\n]*\n\s*(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

describe('one web host per data folder', () => {
  const dir = tempDir('salon-lock-host-');
  const running: ChildProcess[] = [];

  beforeAll(() => {
    // cli.ts serves out/renderer and refuses to start without it.
    if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, stdio: 'ignore' });
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(running.map((child) => stop(child, 'SIGKILL')));
    dir.remove();
  });

  const startHost = (): Started => {
    // Node itself with tsx's loader, not the tsx binary (which runs Node as its own child): the pid
    // and the SIGKILL must be the host's.
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--port', '0', '--data-dir', dir.path], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(child);
    let output = '';
    const read = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    return { child, output: () => output, exited };
  };

  it('refuses a second host without touching the data, and lets a new one in after the first is killed', async () => {
    const first = startHost();
    const firstUrl = await printedLink(first);
    await settled(dir.path);
    const before = dataFiles(dir.path);

    const second = startHost();
    expect(await Promise.race([second.exited, printedLink(second).then(() => 'started as well')])).toBe(1);
    expect(second.output()).toContain('Salon Broadcast is already running on this data folder');
    expect(second.output()).toContain(`the web host at ${firstUrl} (pid ${first.child.pid})`);
    expect(second.output()).not.toContain('Salon Broadcast is running');
    expect(dataFiles(dir.path)).toEqual(before);
    expect(first.child.exitCode).toBeNull(); // the first host is still serving

    await stop(first.child, 'SIGKILL'); // a crash: the lock file stays behind
    expect(existsSync(join(dir.path, LOCK_FILE_NAME))).toBe(true);

    const third = startHost();
    const thirdUrl = await printedLink(third);
    expect(lockHolder(dir.path)).toMatchObject({ pid: third.child.pid, host: 'web', url: thirdUrl });

    await stop(third.child, 'SIGTERM');
    expect(existsSync(join(dir.path, LOCK_FILE_NAME))).toBe(false); // released on a normal stop
  }, 90_000);
});

function printedLink(host: Started): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setInterval(() => {
      const link = STARTED.exec(host.output())?.[1];
      if (link) {
        clearInterval(timer);
        resolvePromise(link);
      }
    }, 50);
    void host.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`web host exited with ${code}:\n${host.output()}`));
    });
  });
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill(signal);
  await exited;
}

/** Wait until the first host's start-up writes (migrations, catch-up) are done. */
async function settled(dataDir: string): Promise<void> {
  let previous = JSON.stringify(dataFiles(dataDir));
  for (;;) {
    await new Promise((done) => setTimeout(done, 500));
    const now = JSON.stringify(dataFiles(dataDir));
    if (now === previous) return;
    previous = now;
  }
}

/**
 * The database, its write-ahead log, the secrets key and the lock: size, modification time and
 * content hash of each. Not the log (the first host may log at any time) nor the -shm index, which
 * the first host's own reads update.
 */
function dataFiles(dataDir: string): Record<string, string> {
  const names = [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, 'secrets.key', LOCK_FILE_NAME];
  const files: Record<string, string> = {};
  for (const name of names.filter((file) => existsSync(join(dataDir, file)))) {
    const path = join(dataDir, name);
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    files[name] = `${statSync(path).size} ${statSync(path).mtimeMs} ${hash}`;
  }
  expect(Object.keys(files)).toEqual(expect.arrayContaining([DB_FILE_NAME, `${DB_FILE_NAME}-wal`]));
  return files;
}

function lockHolder(dataDir: string): unknown {
  return JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'));
}
