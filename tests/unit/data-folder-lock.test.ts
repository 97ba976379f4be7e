import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireDataFolderLock,
  DataFolderInUseError,
  LOCK_FILE_NAME,
  type DataFolderLock,
} from '../../electron/core/data-folder-lock';
import { tempDir } from '../support/test-core';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const RACER = join(ROOT, 'tests', 'support', 'data-folder-lock-racer.ts');

describe('data folder lock', () => {
  let dir: ReturnType<typeof tempDir>;
  let held: DataFolderLock[];
  const lockFile = () => join(dir.path, LOCK_FILE_NAME);
  const acquire = (host: 'web' | 'desktop' = 'web') => {
    const lock = acquireDataFolderLock(dir.path, host);
    held.push(lock);
    return lock;
  };

  beforeEach(() => {
    dir = tempDir('salon-lock-');
    held = [];
  });
  afterEach(() => {
    for (const lock of held) lock.release();
    dir.remove();
  });

  it('writes who holds the folder, readable by its owner only, and removes it on release', () => {
    const lock = acquire('desktop');
    expect(lock.path).toBe(lockFile());
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: 'desktop' });
    if (process.platform !== 'win32') expect(statSync(lockFile()).mode & 0o777).toBe(0o600);

    lock.release();
    expect(existsSync(lockFile())).toBe(false);
    expect(readdirSync(dir.path)).toEqual([]); // no temp or takeover files left behind
    lock.release(); // twice is harmless
    acquire().release(); // and the folder can be taken again
  });

  it('refuses a second holder, saying which app has the folder and what to do', () => {
    acquire('desktop');
    const refusal = refusalOf(() => acquire('web'));
    expect(refusal.code).toBe('already_running');
    expect(refusal.holder).toMatchObject({ pid: process.pid, host: 'desktop' });
    expect(refusal.message).toContain('Salon Broadcast is already running on this data folder: the desktop app');
    expect(refusal.message).toContain(`pid ${process.pid}`);
    expect(refusal.message).toContain('quit it');
  });

  it('names the web host by the link it recorded', () => {
    const lock = acquire('web');
    expect(refusalOf(() => acquire()).message).toContain('the web host');
    lock.setUrl('http://127.0.0.1:4321/?token=abc');
    const refusal = refusalOf(() => acquire('desktop'));
    expect(refusal.message).toContain('the web host at http://127.0.0.1:4321/?token=abc');
    expect(refusal.message).toContain('Open http://127.0.0.1:4321/?token=abc in your browser');
    if (process.platform !== 'win32') expect(statSync(lockFile()).mode & 0o777).toBe(0o600);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const deadPid = await pidOfExitedProcess();
    writeFileSync(lockFile(), JSON.stringify({ pid: deadPid, host: 'web', startedAt: '2024-01-01T00:00:00Z', nonce: 'x' }));
    acquire();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it.each([
    ['empty', ''],
    ['half-written', '{"pid": 12'],
    ['not a holder', '{"hello": "world"}'],
  ])('takes over a %s lock file (a crash while it was written)', (_kind, text) => {
    writeFileSync(lockFile(), text);
    acquire();
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('takes over a lock with its own pid that this process never took (a pid reused after a crash)', () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: process.pid, host: 'web', startedAt: '2024-01-01T00:00:00Z', nonce: 'earlier' }));
    acquire();
  });

  it('lets exactly one of several processes racing for a stale lock win', async () => {
    const deadPid = await pidOfExitedProcess();
    for (let round = 0; round < 3; round++) {
      writeFileSync(lockFile(), JSON.stringify({ pid: deadPid, host: 'web', startedAt: '2024-01-01T00:00:00Z', nonce: `r${round}` }));
      const outcomes = await race(dir.path, 8);
      expect(outcomes.filter((outcome) => outcome === 'won')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'already_running')).toHaveLength(7);
      expect(existsSync(lockFile())).toBe(false); // the winner released it on exit
    }
  }, 60_000);
});

function refusalOf(acquire: () => unknown): DataFolderInUseError {
  try {
    acquire();
  } catch (error) {
    if (error instanceof DataFolderInUseError) return error;
    throw error;
  }
  throw new Error('the second acquire was not refused');
}

async function pidOfExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.once('exit', done));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

/** Start `count` racers that all try at the same moment; each one's outcome, once all have tried. */
async function race(dataDir: string, count: number): Promise<string[]> {
  const startAt = Date.now() + 3_000; // time for every child to load before the start
  const racers = Array.from({ length: count }, () =>
    spawn(TSX, [RACER, dataDir, String(startAt)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const outcomes = await Promise.all(racers.map(firstLine));
  await Promise.all(
    racers.map((racer) => {
      const exited = new Promise((done) => racer.once('exit', done));
      racer.stdin.end();
      return exited;
    }),
  );
  return outcomes;
}

function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolvePromise(output.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`racer exited with ${code} before reporting: ${output}`)));
  });
}
