import { createECDH, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../db/open';
import { consentEvents, contacts } from '../../db/schema';
import { PushSubscriptionsRepository } from '../../electron/core/push/push-subscriptions-repository';
import type { ParsedSubscription } from '../../electron/core/push/subscription-file';
import { tempDir } from '../support/test-core';

const IMPORTED_AT = new Date('2026-03-01T10:00:00.000Z');

let line = 0;
/** A valid row for `client`, with fresh browser keys; the endpoint defaults to a new one. */
function row(client: Partial<Pick<ParsedSubscription, 'contactId' | 'email' | 'phone' | 'endpoint'>>): ParsedSubscription {
  line += 1;
  return {
    line,
    endpoint: `https://push.example.test/wpush/${randomBytes(8).toString('hex')}`,
    p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
    contactId: null,
    email: null,
    phone: null,
    ...client,
  };
}

describe('push subscriptions repository', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenDatabase;
  let repository: PushSubscriptionsRepository;
  let ana: number;
  let bo: number;

  const addContact = (name: string, values: { phone?: string; email?: string }): number => {
    const now = '2026-01-01T00:00:00.000Z';
    return database.db.insert(contacts).values({ name, ...values, createdAt: now, updatedAt: now }).returning().get().id;
  };

  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'salon.db'));
    repository = new PushSubscriptionsRepository(database.db);
    line = 0;
    ana = addContact('Ana', { email: 'ana@salon.dev', phone: '+14155552671' });
    bo = addContact('Bo', { phone: '+447400123456' });
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('links rows by contactId, email or phone read in the salon’s country, and leaves consent alone', () => {
    const rows = [row({ contactId: bo }), row({ email: 'ana@salon.dev' }), row({ phone: '07400 123456' }), row({ phone: '(415) 555-2671' })];

    const result = repository.importRows(rows, 'GB', IMPORTED_AT);

    // (415) 555-2671 read as a British number is not a number at all.
    expect(result).toEqual({ linked: 3, unmatched: [], invalid: [{ line: 4, reason: expect.stringMatching(/not a valid phone number for United Kingdom/) }] });
    expect(repository.count()).toBe(3);
    expect(repository.forContact(ana).map((s) => s.endpoint)).toEqual([rows[1]?.endpoint]);
    expect(repository.forContact(bo).map((s) => s.endpoint).sort()).toEqual([rows[0]?.endpoint, rows[2]?.endpoint].sort());
    expect(repository.forContact(ana)[0]).toMatchObject({ p256dh: rows[1]?.p256dh, auth: rows[1]?.auth, createdAt: IMPORTED_AT.toISOString() });
    expect(database.db.select().from(consentEvents).all()).toEqual([]);
    expect(database.db.select({ push: contacts.pushConsent }).from(contacts).all()).toEqual([{ push: 'unknown' }, { push: 'unknown' }]);
  });

  it('falls back from an unknown contactId to the email, and reports rows with no such client', () => {
    const result = repository.importRows(
      [row({ contactId: 999, email: 'ana@salon.dev' }), row({ contactId: 998, email: 'nobody@salon.dev', phone: '4155550100' }), row({ email: 'zed@salon.dev' })],
      'US',
      IMPORTED_AT,
    );

    expect(result).toEqual({
      linked: 1,
      unmatched: [
        { line: 2, reason: 'No client matches id 998, email nobody@salon.dev or phone +14155550100' },
        { line: 3, reason: 'No client matches email zed@salon.dev' },
      ],
      invalid: [],
    });
    expect(repository.count()).toBe(1);
  });

  it('updates a known endpoint to the new keys and client instead of storing it twice', () => {
    const first = row({ email: 'ana@salon.dev' });
    repository.importRows([first], 'US', IMPORTED_AT);
    const again = row({ endpoint: first.endpoint, phone: '+44 7400 123456' });

    const result = repository.importRows([again], 'US', new Date('2026-03-02T10:00:00.000Z'));

    expect(result.linked).toBe(1);
    expect(repository.count()).toBe(1);
    expect(repository.forContact(ana)).toEqual([]);
    expect(repository.forContact(bo)).toEqual([expect.objectContaining({ endpoint: first.endpoint, p256dh: again.p256dh, auth: again.auth })]);
  });

  it('lists a client’s subscriptions newest first and removes one by endpoint', () => {
    const older = row({ email: 'ana@salon.dev' });
    const newer = row({ email: 'ana@salon.dev' });
    repository.importRows([older], 'US', IMPORTED_AT);
    repository.importRows([newer], 'US', new Date('2026-03-05T10:00:00.000Z'));

    expect(repository.forContact(ana).map((s) => s.endpoint)).toEqual([newer.endpoint, older.endpoint]);
    expect(repository.removeByEndpoint(newer.endpoint)).toBe(true);
    expect(repository.removeByEndpoint(newer.endpoint)).toBe(false);
    expect(repository.forContact(ana).map((s) => s.endpoint)).toEqual([older.endpoint]);
  });
});
