import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AutomationKind } from '../../shared/automations';

/** What the engine prints on stdout: the database is open... */
export const READY_LINE = 'engine ready';
/** ...it starts turning the automations it was given on (each runs at once)... */
export const TURNING_ON_LINE = 'turning automations on';
/** ...and they are on, their first run decided and queued. */
export const TURNED_ON_LINE = 'automations on';

const REPO_ROOT = join(__dirname, '..', '..');
const ENTRY = join(__dirname, 'engine-process.ts');

/** One JSON line the engine logged. */
export interface EngineLogLine {
  level: string;
  message: string;
  [detail: string]: unknown;
}

/** A running engine process; it ends only when killed, so any other exit is a failure. */
export class EngineChild {
  readonly ready: Promise<void>;
  readonly logs: EngineLogLine[] = [];
  private readonly process: ChildProcess;
  private readonly exited: Promise<void>;
  private readonly printedLines = new Set<string>();
  private readonly waiting: Array<{ line: string; seen: () => void }> = [];
  private killed = false;
  private exitedWith: string | undefined;

  /** `turnOn`: automations the engine turns on once started, as the owner would. */
  constructor(dbPath: string, twilioBaseUrl: string, lookupSettleMs: number, turnOn: readonly AutomationKind[] = []) {
    const args = [dbPath, twilioBaseUrl, String(lookupSettleMs), ...(turnOn.length > 0 ? [turnOn.join(',')] : [])];
    // Plain node with tsx's loader, not node_modules/.bin/tsx: that one runs the script in a second
    // process, which a SIGKILL of the first would leave running.
    this.process = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        this.exitedWith = signal ?? `code ${code}`;
        resolve();
      });
    });
    createInterface({ input: this.process.stderr! }).on('line', (line) => this.logs.push(parseLogLine(line)));
    createInterface({ input: this.process.stdout! }).on('line', (line) => {
      this.printedLines.add(line);
      for (const waiter of this.waiting.filter((w) => w.line === line)) waiter.seen();
    });
    this.ready = this.printed(READY_LINE);
  }

  /** Resolves once the engine printed `line` on stdout; rejects if it exits before. */
  printed(line: string): Promise<void> {
    if (this.printedLines.has(line)) return Promise.resolve();
    const seen = new Promise<void>((resolve, reject) => {
      this.waiting.push({ line, seen: resolve });
      void this.exited.then(() => reject(new Error(`the engine exited (${this.exitedWith}) before it printed "${line}": ${this.stderrText()}`)));
    });
    // A failure only for whoever waits for it.
    seen.catch(() => {});
    return seen;
  }

  hasPrinted(line: string): boolean {
    return this.printedLines.has(line);
  }

  /** Throws if the engine ended without being killed (a crash). */
  assertAlive(): void {
    if (this.exitedWith !== undefined && !this.killed) {
      throw new Error(`the engine exited on its own (${this.exitedWith}): ${this.stderrText()}`);
    }
  }

  /** kill -9, and wait until the process is gone. */
  async kill(): Promise<void> {
    this.assertAlive();
    this.killed = true;
    this.process.kill('SIGKILL');
    await this.exited;
  }

  private stderrText(): string {
    return this.logs.map((line) => JSON.stringify(line)).join('\n');
  }
}

function parseLogLine(line: string): EngineLogLine {
  try {
    return JSON.parse(line) as EngineLogLine;
  } catch {
    // Not the engine's logger: an uncaught error's stack, most likely.
    return { level: 'stderr', message: line };
  }
}
