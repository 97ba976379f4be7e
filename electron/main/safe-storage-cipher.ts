import type { SafeStorage } from 'electron';
import { AppError } from '../core/errors';
import { secretUnreadable, type SecretCipher } from '../core/secrets/secret-cipher';

/** Secrets through Electron's safeStorage: the OS keychain (Keychain, DPAPI, libsecret or KWallet). */
export function createSafeStorageCipher(safeStorage: SafeStorage, platform = process.platform): SecretCipher {
  // On Linux this is false until the app is ready.
  if (!safeStorage.isEncryptionAvailable()) {
    throw new AppError(
      'internal',
      'This computer offers no secure storage for passwords, so provider passwords cannot be saved.',
    );
  }
  const weak = platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  return {
    warning: weak
      ? 'This computer has no keychain, so passwords are stored with weak protection (Linux basic_text): ' +
        'anyone who can read your user folder can read them. Installing GNOME Keyring or KWallet protects them.'
      : null,
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt(data) {
      try {
        return safeStorage.decryptString(data);
      } catch {
        throw secretUnreadable();
      }
    },
  };
}
