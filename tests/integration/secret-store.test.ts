import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { createFileKeyCipher } from '../../electron/core/secrets/file-key-cipher';
import { SecretStore } from '../../electron/core/secrets/secret-store';
import { tempDir } from '../support/test-core';

const TOKEN = 'f3c9a1b27d4e4c0e9b8a6d5c4b3a2f10';
const at = new Date('2025-03-01T10:00:00.000Z');

describe('SecretStore', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenDatabase;
  let store: SecretStore;
  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'salon.db'));
    store = new SecretStore(database.db, createFileKeyCipher(join(dir.path, 'secrets.key')));
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('saves, reads, reports and removes a secret', () => {
    expect(store.get('twilio.secret')).toBeNull();
    expect(store.status('twilio.secret')).toEqual({ configured: false, last4: null });

    store.set('twilio.secret', TOKEN, at);
    expect(store.get('twilio.secret')).toBe(TOKEN);
    expect(store.status('twilio.secret')).toEqual({ configured: true, last4: '2f10' });
    expect(store.status('smtp.password')).toEqual({ configured: false, last4: null });

    store.set('twilio.secret', 'second-token-abcd', new Date('2025-03-02T10:00:00.000Z'));
    expect(store.get('twilio.secret')).toBe('second-token-abcd');
    expect(store.status('twilio.secret')).toEqual({ configured: true, last4: 'abcd' });
    expect(database.sqlite.prepare('SELECT updated_at FROM secrets').pluck().all()).toEqual(['2025-03-02T10:00:00.000Z']);

    store.remove('twilio.secret');
    expect(store.get('twilio.secret')).toBeNull();
    expect(store.status('twilio.secret')).toEqual({ configured: false, last4: null });
    store.remove('twilio.secret');
  });

  it('refuses an empty secret and keeps the saved one', () => {
    store.set('smtp.password', 'mailbox-password', at);
    expect(() => store.set('smtp.password', '', at)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => store.set('smtp.password', '   ', at)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(store.get('smtp.password')).toBe('mailbox-password');
  });

  it('never shows a short secret whole in its status', () => {
    store.set('smtp.password', 'abc', at);
    expect(store.status('smtp.password')).toEqual({ configured: true, last4: '' });
    store.set('smtp.password', 'abcdefgh', at);
    expect(store.status('smtp.password')).toEqual({ configured: true, last4: 'gh' });
  });

  it('keeps the secret out of the table, the status and the store itself', () => {
    store.set('push.privateKey', TOKEN, at);
    const row = database.sqlite.prepare('SELECT * FROM secrets').get() as Record<string, unknown>;
    expect(Buffer.isBuffer(row.ciphertext)).toBe(true);
    expect((row.ciphertext as Buffer).includes(Buffer.from(TOKEN))).toBe(false);
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(JSON.stringify(store.status('push.privateKey'))).not.toContain(TOKEN);
    expect(JSON.stringify(store)).not.toContain(TOKEN);
    expect(String(store)).not.toContain(TOKEN);
  });

  it('with another key, reads nothing and reports the secret as one to enter again', () => {
    store.set('twilio.secret', TOKEN, at);
    const other = new SecretStore(database.db, createFileKeyCipher(join(dir.path, 'replaced.key')));
    expect(other.get('twilio.secret')).toBeNull();
    expect(other.status('twilio.secret')).toEqual({ configured: false, last4: null });
    expect(other.unreadable()).toEqual(['twilio.secret']);
    expect(other.warning).toContain('replaced.key');
    // Entering it again replaces what could not be read.
    other.set('twilio.secret', TOKEN, at);
    expect(other.get('twilio.secret')).toBe(TOKEN);
    expect(other.unreadable()).toEqual([]);
  });
});
