// One app per data folder. The desktop app and the web host open the same folder; a second host on it
// would mark the first one's in-flight texts "unknown" and take the database from under it. Whichever
// host starts first holds this lock until it exits, and a host that crashed leaves a lock the next
// start takes over.
import { createHash, randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensurePrivateDir } from '../../db/private-files';

export const LOCK_FILE_NAME = 'salon-broadcast.lock';

export type LockHost = 'web' | 'desktop';

/** What the lock file holds: who has the folder, and where a second start can point the owner. */
export interface LockHolder {
  pid: number;
  host: LockHost;
  /** The web host's link, once its server is listening. */
  url?: string;
  startedAt: string;
  /** Tells this holder from an earlier one that had the same pid. */
  nonce: string;
}

export interface DataFolderLock {
  readonly path: string;
  /** Record the web host's link in the lock, for the message a second start prints. */
  setUrl(url: string): void;
  /** Remove the lock if it is still this holder's. Safe to call more than once; also runs on exit. */
  release(): void;
}

export class DataFolderInUseError extends Error {
  readonly code = 'already_running';

  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(inUseMessage(lockPath, holder));
    this.name = 'DataFolderInUseError';
  }
}

const LOOK_AGAIN_ATTEMPTS = 50;
const LOOK_AGAIN_DELAY_MS = 20;
/** Takeovers that crashed half way, one after another, before this start gives up. */
const MAX_TAKEOVER_DEPTH = 8;

/** Nonces of the locks this process holds: a lock with our pid but another nonce is a dead holder's. */
const heldHere = new Set<string>();

/** Take the data folder for this process, or throw DataFolderInUseError naming the app that has it. */
export function acquireDataFolderLock(dataDir: string, host: LockHost): DataFolderLock {
  ensurePrivateDir(dataDir);
  const path = join(dataDir, LOCK_FILE_NAME);
  const own: LockHolder = { pid: process.pid, host, startedAt: new Date().toISOString(), nonce: randomUUID() };
  const ownText = serialise(own);
  for (let attempt = 0; attempt < LOOK_AGAIN_ATTEMPTS; attempt++) {
    if (createExclusive(path, ownText)) return heldLock(path, own);
    const lockText = readIfExists(path);
    if (lockText === undefined) continue; // released just now
    const holder = parseHolder(lockText);
    if (holder && isRunning(holder)) throw new DataFolderInUseError(path, holder);
    if (takeOverStale(path, lockText, ownText)) return heldLock(path, own);
    sleep(LOOK_AGAIN_DELAY_MS); // another start is taking it over, or won: see who holds it now
  }
  throw new DataFolderInUseError(path, parseHolder(readIfExists(path) ?? ''));
}

/**
 * Replace a lock whose holder is gone, so that of several starts racing for it exactly one wins.
 * The swap happens under a marker file named after the stale content and created exclusively: only
 * its creator swaps, after checking the lock still holds that content (nobody else can change it
 * while the marker is held). A marker left by a start that died mid-takeover is stale in turn: the
 * next marker is named after the lock and that marker, and so on.
 */
function takeOverStale(path: string, staleText: string, ownText: string): boolean {
  const deadMarkers: string[] = [];
  let generation = staleText;
  for (let depth = 0; depth < MAX_TAKEOVER_DEPTH; depth++) {
    const marker = `${path}.takeover-${digest(generation)}`;
    if (createExclusive(marker, ownText)) {
      try {
        if (readIfExists(path) !== staleText) return false;
        replaceAtomically(path, ownText);
        for (const dead of deadMarkers) rmSync(dead, { force: true });
        return true;
      } finally {
        rmSync(marker, { force: true });
      }
    }
    const markerText = readIfExists(marker);
    if (markerText === undefined) return false; // that takeover just finished
    const markerHolder = parseHolder(markerText);
    if (markerHolder && isRunning(markerHolder)) return false;
    deadMarkers.push(marker);
    generation += `\n${markerText}`;
  }
  return false;
}

function heldLock(path: string, own: LockHolder): DataFolderLock {
  let current = own;
  let released = false;
  heldHere.add(own.nonce);
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    heldHere.delete(own.nonce);
    if (isOurs(path, own.nonce)) rmSync(path, { force: true });
  };
  process.once('exit', release);
  return {
    path,
    setUrl(url) {
      if (released || !isOurs(path, own.nonce)) return;
      current = { ...current, url };
      replaceAtomically(path, serialise(current));
    },
    release,
  };
}

function isOurs(path: string, nonce: string): boolean {
  return parseHolder(readIfExists(path) ?? '')?.nonce === nonce;
}

function isRunning(holder: LockHolder): boolean {
  if (holder.pid === process.pid) return heldHere.has(holder.nonce);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH'; // EPERM: it runs, as another user
  }
}

/**
 * Create `path` with all of `text`, or return false if it exists. Written beside it and hard-linked
 * in place, so nobody ever reads a half-written lock of a running holder (and takes it for stale).
 */
function createExclusive(path: string, text: string): boolean {
  const temp = writeTemp(path, text);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

function replaceAtomically(path: string, text: string): void {
  renameSync(writeTemp(path, text), path);
}

function writeTemp(path: string, text: string): string {
  const temp = `${path}.${process.pid}-${randomUUID()}.tmp`;
  writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
  return temp;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** The holder, or undefined for an empty or corrupt file (a crash while it was written): stale. */
function parseHolder(text: string): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, url, startedAt, nonce } = value as Record<string, unknown>;
    if (!Number.isInteger(pid) || (pid as number) <= 0) return undefined;
    if (host !== 'web' && host !== 'desktop') return undefined;
    if (typeof startedAt !== 'string' || typeof nonce !== 'string') return undefined;
    return { pid: pid as number, host, startedAt, nonce, ...(typeof url === 'string' && { url }) };
  } catch {
    return undefined;
  }
}

function serialise(holder: LockHolder): string {
  return `${JSON.stringify(holder, null, 2)}\n`;
}

function inUseMessage(lockPath: string, holder: LockHolder | undefined): string {
  return [
    `Salon Broadcast is already running on this data folder: ${describeHolder(holder)}.`,
    whatToDo(holder),
    `Only one app, the desktop app or the web host, can use ${dirname(lockPath)} at a time. ` +
      `If none is running, delete ${lockPath} and start again.`,
  ].join('\n');
}

function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'another Salon Broadcast';
  if (holder.host === 'desktop') return `the desktop app (pid ${holder.pid})`;
  return holder.url ? `the web host at ${holder.url} (pid ${holder.pid})` : `the web host (pid ${holder.pid}), still starting`;
}

function whatToDo(holder: LockHolder | undefined): string {
  if (holder?.host === 'desktop') return 'Use that window (it may be hidden in the tray), or quit it from the tray first.';
  if (holder?.url) return `Open ${holder.url} in your browser, or stop that web host (Ctrl+C in its terminal) first.`;
  if (holder) return 'Use that web host, or stop it (Ctrl+C in its terminal) first.';
  return 'Use it, or close it first.';
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errorCode(error: unknown): unknown {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
