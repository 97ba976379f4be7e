import { eq } from 'drizzle-orm';
import type { SecretStatusDto } from '../../../shared/sending';
import type { Db } from '../../../db/open';
import { secrets } from '../../../db/schema';
import { invalidInput } from '../errors';
import type { SecretCipher } from './secret-cipher';

export type SecretName = 'twilio.secret' | 'smtp.password' | 'push.privateKey';

/**
 * Provider passwords and keys, encrypted by the host's cipher. Only this class decrypts them; the
 * renderer sees status() alone. Fields are #private so neither JSON nor a log of the store shows them.
 */
export class SecretStore {
  readonly #db: Db;
  readonly #cipher: SecretCipher;

  constructor(db: Db, cipher: SecretCipher) {
    this.#db = db;
    this.#cipher = cipher;
  }

  get warning(): string | null {
    return this.#cipher.warning;
  }

  set(name: SecretName, value: string, at: Date): void {
    if (value.trim() === '') throw invalidInput([{ path: '', message: 'Enter the password or key: it cannot be empty.' }]);
    const row = { ciphertext: this.#cipher.encrypt(value), last4: lastChars(value), updatedAt: at.toISOString() };
    this.#db
      .insert(secrets)
      .values({ name, ...row })
      .onConflictDoUpdate({ target: secrets.name, set: row })
      .run();
  }

  /**
   * The secret, or null when none is saved or it cannot be decrypted (e.g. the key changed). In the
   * latter case status() still says configured, so the caller can ask the owner to enter it again.
   */
  get(name: SecretName): string | null {
    const row = this.#db.select({ ciphertext: secrets.ciphertext }).from(secrets).where(eq(secrets.name, name)).get();
    if (!row) return null;
    try {
      return this.#cipher.decrypt(row.ciphertext);
    } catch {
      return null;
    }
  }

  remove(name: SecretName): void {
    this.#db.delete(secrets).where(eq(secrets.name, name)).run();
  }

  status(name: SecretName): SecretStatusDto {
    const row = this.#db.select({ last4: secrets.last4 }).from(secrets).where(eq(secrets.name, name)).get();
    return row ? { configured: true, last4: row.last4 } : { configured: false, last4: null };
  }
}

/** The last four characters, but never more than a quarter of a short secret. */
function lastChars(value: string): string {
  const chars = Array.from(value);
  const count = Math.min(4, Math.floor(chars.length / 4));
  return count === 0 ? '' : chars.slice(-count).join('');
}
