// The web host's key to saved passwords lives apart from the data folder: a backup copy of the data
// never carries it, a restored copy asks for the passwords again and says why, and a key file that
// is not the owner's gets a sentence, not "EPERM chmod".
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { legacySecretKeyPath, secretKeyPath } from '../../electron/core/data-location';
import { startSmtpDouble } from '../doubles/smtp/smtp-double';
import { mailbox } from '../support/live-sending';
import { call, createTestCore, tempDir } from '../support/test-core';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  return dir.path;
}

describe('the key to saved passwords', () => {
  it('is kept in a per-user folder apart from the data, and an old key in the data folder moves there', async () => {
    const data = folder();
    const state = folder();
    const previous = process.env.XDG_STATE_HOME;
    process.env.XDG_STATE_HOME = state;
    cleanups.push(() => {
      if (previous === undefined) delete process.env.XDG_STATE_HOME;
      else process.env.XDG_STATE_HOME = previous;
    });
    writeFileSync(legacySecretKeyPath(data), Buffer.alloc(32, 7), { mode: 0o644 });
    const core = createCore({ dbPath: join(data, 'salon.db'), host: 'web' });
    cleanups.push(() => core.stop());
    await call(core, 'sending.get', {});

    const keyFile = secretKeyPath(data);
    expect(keyFile.startsWith(state)).toBe(true);
    expect(existsSync(keyFile)).toBe(true);
    expect(existsSync(legacySecretKeyPath(data))).toBe(false);
    expect(readdirSync(data).filter((name) => name.includes('key'))).toEqual([]);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(secretKeyPath('/somewhere/else')).not.toBe(keyFile);
  });

  it('a data folder restored without its key asks for the passwords again, and says why', async () => {
    const smtp = await startSmtpDouble({ auth: { user: 'salon', pass: 'mail-secret' } });
    cleanups.push(() => smtp.close());
    const original = folder();
    const first = createTestCore(original, { endpoints: { smtpCa: smtp.ca, timeoutMs: 1000 } });
    await call(first, 'sending.saveSmtp', { ...mailbox(smtp), password: 'mail-secret' });
    await first.stop();

    // The backup: the data folder's database, restored elsewhere (its key stayed behind).
    const restored = folder();
    copyFileSync(join(original, 'salon.db'), join(restored, 'salon.db'));
    const second = createTestCore(restored, { endpoints: { smtpCa: smtp.ca, timeoutMs: 1000 } });
    cleanups.push(() => second.stop());
    const sending = await call(second, 'sending.get', {});
    expect(sending.smtp).toMatchObject({ host: smtp.host, password: { configured: false, last4: null } });
    expect(sending.secretsWarning).toContain('the mailbox password');
    expect(sending.secretsWarning).toContain('restored or moved without its key');
    await call(second, 'sending.saveSmtp', { ...mailbox(smtp), password: 'mail-secret' });
    expect((await call(second, 'sending.get', {})).secretsWarning).not.toContain('could not be read');
  });

  it.runIf(process.platform !== 'win32' && process.getuid?.() === 0)('a key file owned by another user gets a plain sentence', () => {
    const data = folder();
    const keyFile = join(folder(), 'keys', 'secrets.key');
    mkdirSync(join(keyFile, '..'), { recursive: true });
    writeFileSync(keyFile, Buffer.alloc(32, 1));
    chmodSync(keyFile, 0o644);
    chownSync(keyFile, 4321, 4321);
    expect(() => createCore({ dbPath: join(data, 'salon.db'), host: 'web', secretKeyPath: keyFile })).toThrow(
      /The key file for saved passwords, .*secrets\.key, belongs to another user of this computer/,
    );
  });
});
