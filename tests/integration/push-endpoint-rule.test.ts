import { createECDH, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { call, createTestCore, tempDir } from '../support/test-core';

// Only a core told so by its host (tests reaching the local push double) takes endpoints on this computer.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function core(options: Parameters<typeof createTestCore>[1] = {}): Promise<Core> {
  const dir = tempDir();
  const created = createTestCore(dir.path, options);
  cleanups.push(() => dir.remove(), () => created.stop());
  await call(created, 'contacts.create', { name: 'Ana Lima', email: 'ana@clients.test' });
  return created;
}

function file(endpoint: string): string {
  const keys = { p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') };
  return JSON.stringify([{ endpoint, keys, email: 'ana@clients.test' }]);
}

describe('subscription endpoints a core accepts', () => {
  it('refuses this computer unless its host allows it, and private networks always', async () => {
    const plain = await core();
    expect(await call(plain, 'sending.importSubscriptions', { format: 'json', text: file('https://127.0.0.1:9443/wpush/a') })).toEqual({
      linked: 0,
      unmatched: [],
      invalid: [{ line: 1, reason: 'The endpoint “https://127.0.0.1:9443/wpush/a” is on this computer or a private network, not on a push service' }],
    });

    const testing = await core({ endpoints: { allowLoopbackPush: true } });
    expect(await call(testing, 'sending.importSubscriptions', { format: 'json', text: file('https://127.0.0.1:9443/wpush/a') })).toMatchObject({ linked: 1 });
    expect(await call(testing, 'sending.importSubscriptions', { format: 'json', text: file('https://10.0.0.7/wpush/a') })).toMatchObject({
      linked: 0,
      invalid: [{ line: 1, reason: expect.stringMatching(/private network/) }],
    });
  });
});
