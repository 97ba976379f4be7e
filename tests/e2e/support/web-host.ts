import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { middayTimeZone } from '../../support/midday-time-zone';

const ROOT = resolve(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

interface RunningHost {
  /** The printed link, token included. */
  url: string;
  dataDir: string;
}

/**
 * Start `electron/web/cli.ts` on a random port and a temp data dir, as `npm run start:web` does.
 * `env` is added to this process's environment, e.g. `SALON_TWILIO_BASE_URL` or `TZ`.
 */
export async function startHost(env: Record<string, string> = {}): Promise<{ host: RunningHost; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'salon-e2e-'));
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['electron/web/cli.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await printedUrl(child).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    host: { url, dataDir },
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host printed no link:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[0]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
}

export interface WebHostFixtures {
  /** Added to the web host's environment; a spec sets it with test.use() or overrides it with a fixture. */
  webHostEnv: Record<string, string>;
  webHost: RunningHost;
}

export const test = base.extend<WebHostFixtures>({
  // Every spec runs at the salon's midday, so a send "now" never waits for the morning, whenever CI runs.
  webHostEnv: [{ TZ: middayTimeZone() }, { option: true }],
  webHost: async ({ webHostEnv }, use) => {
    const { host, stop } = await startHost(webHostEnv);
    await use(host);
    await stop();
  },
});
export { expect } from '@playwright/test';
export { middayTimeZone };
