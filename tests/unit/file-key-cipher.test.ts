import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { createFileKeyCipher } from '../../electron/core/secrets/file-key-cipher';

const posix = process.platform !== 'win32';

describe('createFileKeyCipher', () => {
  let dir: string;
  let keyPath: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salon-key-'));
    keyPath = join(dir, 'data', 'secrets.key');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips text, unicode included, with a fresh IV each time', () => {
    const cipher = createFileKeyCipher(keyPath);
    for (const plain of ['a', 'Tok3n-abcdef0123456789', 'pässwörd 🔑 密码']) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
    const a = cipher.encrypt('same');
    const b = cipher.encrypt('same');
    expect(a.equals(b)).toBe(false);
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 16 + 4);
    expect(a.includes(Buffer.from('same'))).toBe(false);
  });

  it('creates a 32-byte key readable by the owner only, and names it in the warning', () => {
    const cipher = createFileKeyCipher(keyPath);
    expect(readFileSync(keyPath)).toHaveLength(32);
    if (posix) expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(cipher.warning).toContain(keyPath);
    expect(JSON.stringify(cipher)).not.toContain(readFileSync(keyPath).toString('hex'));
  });

  it('reuses the key file: a second cipher decrypts what the first encrypted', () => {
    const data = createFileKeyCipher(keyPath).encrypt('secret value');
    const key = readFileSync(keyPath);
    expect(createFileKeyCipher(keyPath).decrypt(data)).toBe('secret value');
    expect(readFileSync(keyPath).equals(key)).toBe(true);
  });

  it('refuses tampered or truncated ciphertext', () => {
    const cipher = createFileKeyCipher(keyPath);
    const data = cipher.encrypt('secret value');
    for (const index of [0, 5, 20, data.length - 1]) {
      const tampered = Buffer.from(data);
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(() => cipher.decrypt(tampered)).toThrow(AppError);
    }
    expect(() => cipher.decrypt(data.subarray(0, 20))).toThrow(AppError);
    expect(() => cipher.decrypt(Buffer.alloc(0))).toThrow(AppError);
  });

  it('cannot decrypt with another key file', () => {
    const data = createFileKeyCipher(keyPath).encrypt('secret value');
    const other = createFileKeyCipher(join(dir, 'other.key'));
    expect(() => other.decrypt(data)).toThrow(expect.objectContaining({ code: 'internal' }));
  });

  it('refuses a key file of the wrong size and leaves it untouched', () => {
    createFileKeyCipher(keyPath);
    const damaged = Buffer.from('not a key');
    writeFileSync(keyPath, damaged);
    expect(() => createFileKeyCipher(keyPath)).toThrow(/damaged \(9 bytes instead of 32\)/);
    expect(readFileSync(keyPath).equals(damaged)).toBe(true);
  });

  it.runIf(posix)('tightens a key file others can read to 0600', () => {
    const data = createFileKeyCipher(keyPath).encrypt('secret value');
    chmodSync(keyPath, 0o644);
    expect(createFileKeyCipher(keyPath).decrypt(data)).toBe('secret value');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
  });
});
