import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE } from '../../../db/private-files';
import { AppError } from '../errors';
import { secretUnreadable, type SecretCipher } from './secret-cipher';

const VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/**
 * AES-256-GCM with a random key kept in a file of its own, for the web host, which has no system
 * keychain. The file lives apart from the data folder (data-location.ts secretKeyPath); a key an
 * earlier version left in the data folder (`legacyPath`) is moved there. Ciphertext: version byte,
 * 12-byte IV, 16-byte tag, data.
 */
export function createFileKeyCipher(keyPath: string, legacyPath?: string): SecretCipher {
  if (legacyPath) moveLegacyKey(legacyPath, keyPath);
  const key = loadOrCreateKey(keyPath);
  return {
    warning:
      `Passwords are encrypted with a key kept in ${keyPath}. Anyone who can read that file on this ` +
      'computer can read them; the desktop app uses the system keychain instead.',
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), data]);
    },
    decrypt(data) {
      if (data.length < HEADER_BYTES || data[0] !== VERSION) throw secretUnreadable();
      const iv = data.subarray(1, 1 + IV_BYTES);
      const tag = data.subarray(1 + IV_BYTES, HEADER_BYTES);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw secretUnreadable();
      }
    },
  };
}

function moveLegacyKey(legacyPath: string, keyPath: string): void {
  if (!existsSync(legacyPath) || existsSync(keyPath)) return;
  ensurePrivateDir(dirname(keyPath));
  // A copy then a removal: the key folder may be on another disk than the data.
  copyFileSync(legacyPath, keyPath, constants.COPYFILE_EXCL);
  rmSync(legacyPath);
}

function loadOrCreateKey(keyPath: string): Buffer {
  ensurePrivateDir(dirname(keyPath));
  let fd: number;
  try {
    // 'wx' fails if the file exists, so an existing key is never overwritten.
    fd = openSync(keyPath, 'wx', PRIVATE_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readExistingKey(keyPath);
  }
  const key = randomBytes(KEY_BYTES);
  try {
    try {
      writeFileSync(fd, key);
      // Secrets encrypted with this key outlive a crash only if the key does too.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // A half-written key would be refused at every later start: leave no file instead.
    rmSync(keyPath, { force: true });
    throw error;
  }
  return key;
}

function readExistingKey(keyPath: string): Buffer {
  const info = statSync(keyPath);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw keyProblem(keyPath, 'belongs to another user of this computer, so it is not used. Start Salon Broadcast as the user who set it up, or move the file away and enter the passwords again');
  }
  let key: Buffer;
  try {
    key = readFileSync(keyPath);
  } catch {
    throw keyProblem(keyPath, 'cannot be read. Check that your user may read it, or move it away and enter the passwords again');
  }
  if (key.length !== KEY_BYTES) {
    throw keyProblem(
      keyPath,
      `is damaged (${key.length} bytes instead of ${KEY_BYTES}), so saved passwords cannot be read. It was left as it is: restore it from a backup, or move it away and enter the passwords again`,
    );
  }
  // Windows has no POSIX modes; the file inherits the user folder's ACL.
  if (process.platform !== 'win32' && (info.mode & 0o177) !== 0) {
    try {
      chmodSync(keyPath, PRIVATE_FILE);
    } catch {
      throw keyProblem(keyPath, 'can be read by other users of this computer and could not be made private. Make it readable by you only (chmod 600)');
    }
  }
  return key;
}

function keyProblem(keyPath: string, what: string): AppError {
  return new AppError('internal', `The key file for saved passwords, ${keyPath}, ${what}.`);
}
