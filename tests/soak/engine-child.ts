import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const READY_LINE = 'engine ready';

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
  private killed = false;
  private exitedWith: string | undefined;

  constructor(dbPath: string, twilioBaseUrl: string, lookupSettleMs: number) {
    // Plain node with tsx's loader, not node_modules/.bin/tsx: that one runs the script in a second
    // process, which a SIGKILL of the first would leave running.
    this.process = spawn(process.execPath, ['--import', 'tsx', ENTRY, dbPath, twilioBaseUrl, String(lookupSettleMs)], {
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
    this.ready = new Promise((resolve, reject) => {
      createInterface({ input: this.process.stdout! }).on('line', (line) => {
        if (line === READY_LINE) resolve();
      });
      void this.exited.then(() => reject(new Error(`the engine exited (${this.exitedWith}) before it was ready: ${this.stderrText()}`)));
    });
    // A failure only for whoever waits for it.
    this.ready.catch(() => {});
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
