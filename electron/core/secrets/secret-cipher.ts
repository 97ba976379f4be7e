import { AppError } from '../errors';

/** Encrypts provider secrets at rest; each host supplies its own (system keychain or a key file). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  /** Throws an AppError when the data cannot be decrypted (damaged, or made with another key). */
  decrypt(data: Buffer): string;
  /** Shown to the owner when the protection is weak; null when strong. */
  readonly warning: string | null;
}

export function secretUnreadable(): AppError {
  return new AppError(
    'internal',
    'A saved password or key could not be read on this computer (it was saved with another key). Enter it again.',
  );
}
