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

  /** The secret, or null when none is saved or it cannot be decrypted (saved with another key). */
  get(name: SecretName): string | null {
    const row = this.#row(name);
    return row ? this.#decrypt(row.ciphertext) : null;
  }

  remove(name: SecretName): void {
    this.#db.delete(secrets).where(eq(secrets.name, name)).run();
  }

  /** A secret that cannot be decrypted counts as not saved: the owner must enter it again. */
  status(name: SecretName): SecretStatusDto {
    const row = this.#row(name);
    return row && this.#decrypt(row.ciphertext) !== null ? { configured: true, last4: row.last4 } : { configured: false, last4: null };
  }

  /** Saved secrets this key cannot read: a data folder restored or moved without its key. */
  unreadable(): SecretName[] {
    const rows = this.#db.select({ name: secrets.name, ciphertext: secrets.ciphertext }).from(secrets).all();
    return rows.filter((row) => this.#decrypt(row.ciphertext) === null).map((row) => row.name as SecretName);
  }

  #row(name: SecretName): { ciphertext: Buffer; last4: string } | undefined {
    return this.#db.select({ ciphertext: secrets.ciphertext, last4: secrets.last4 }).from(secrets).where(eq(secrets.name, name)).get();
  }

  #decrypt(ciphertext: Buffer): string | null {
    try {
      return this.#cipher.decrypt(ciphertext);
    } catch {
      return null;
    }
  }
}

/** The last four characters, but never more than a quarter of a short secret. */
function lastChars(value: string): string {
  const chars = Array.from(value);
  const count = Math.min(4, Math.floor(chars.length / 4));
  return count === 0 ? '' : chars.slice(-count).join('');
}
