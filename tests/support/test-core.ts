import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RpcError } from '../../shared/errors';
import { createCore, type Core, type CoreOptions } from '../../electron/core';

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'salon-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A core on a real SQLite file in `dir`, with a sandbox that settles in well under a second, and
 * texts cut off mid-send sent again a second after their claim if the provider does not list them
 * (the doubles list at once unless a test gives them a lag).
 */
export function createTestCore(dir: string, options: Partial<CoreOptions> = {}): Core {
  return createCore({
    dbPath: join(dir, 'salon.db'),
    host: 'web',
    sandbox: { settleDelayMs: { min: 100, max: 400 }, ratePerSecond: 200 },
    lookupSettleMs: 1_000,
    // In the test's own folder, which is removed with it (the real default is a per-user folder).
    secretKeyPath: join(dir, 'keys', 'secrets.key'),
    ...options,
  });
}

export { callCore as call } from '../../electron/core/rpc/call';

/** Call a method that must fail, and return its error. */
export async function callFailing(core: Core, method: string, input: unknown): Promise<RpcError> {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
