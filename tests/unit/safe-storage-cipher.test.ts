import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { createSafeStorageCipher } from '../../electron/main/safe-storage-cipher';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** The four safeStorage methods the cipher uses; "encryption" is a reversible marker, enough here. */
function fakeSafeStorage(options: { available?: boolean; backend?: Backend } = {}): SafeStorage {
  const fake = {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: (): Backend => options.backend ?? 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.concat([Buffer.from('enc:'), Buffer.from(plain, 'utf8').reverse()]),
    decryptString: (data: Buffer) => {
      if (!data.subarray(0, 4).equals(Buffer.from('enc:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.subarray(4)).reverse().toString('utf8');
    },
  };
  return fake as unknown as SafeStorage;
}

describe('createSafeStorageCipher', () => {
  it('encrypts and decrypts through safeStorage', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(), 'linux');
    const data = cipher.encrypt('auth-token-1234');
    expect(data.includes(Buffer.from('auth-token-1234'))).toBe(false);
    expect(cipher.decrypt(data)).toBe('auth-token-1234');
  });

  it('turns a decryption failure into an AppError', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(), 'darwin');
    expect(() => cipher.decrypt(Buffer.from('garbage'))).toThrow(AppError);
  });

  it('warns on Linux without a keychain (basic_text) only', () => {
    expect(createSafeStorageCipher(fakeSafeStorage({ backend: 'basic_text' }), 'linux').warning).toMatch(/no keychain.*basic_text/);
    expect(createSafeStorageCipher(fakeSafeStorage({ backend: 'gnome_libsecret' }), 'linux').warning).toBeNull();
    expect(createSafeStorageCipher(fakeSafeStorage({ backend: 'kwallet5' }), 'linux').warning).toBeNull();
    // getSelectedStorageBackend is Linux-only; elsewhere it is not consulted.
    const mac = fakeSafeStorage({ backend: 'basic_text' });
    mac.getSelectedStorageBackend = () => {
      throw new Error('not on this platform');
    };
    expect(createSafeStorageCipher(mac, 'darwin').warning).toBeNull();
    expect(createSafeStorageCipher(fakeSafeStorage(), 'win32').warning).toBeNull();
  });

  it('refuses to start when encryption is unavailable', () => {
    expect(() => createSafeStorageCipher(fakeSafeStorage({ available: false }), 'linux')).toThrow(/no secure storage/);
  });
});
