// Files shaped like real salons' exports: a Square customer directory with an accented email and a
// subscription column, a French list with overseas mobiles, a Japanese list written family name first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDto } from '../../shared/dto';
import type { ImportDto } from '../../shared/imports';
import type { Core } from '../../electron/core';
import { contactsByName, csvText, fileBytes, importFile, upload } from '../support/csv-fixtures';
import { call, createTestCore, tempDir } from '../support/test-core';

const SQUARE = csvText([
  'First Name,Surname,Email Address,Phone Number,Email Subscription Status', // 1
  'Renée,Johnson,renée.johnson3@example.com,(415) 555-2671,subscribed', // 2
  'Bob,Stone,bob@example.com,(415) 555-2672,Unsubscribed', // 3: says no, whatever the file-wide choice
  'Cy,Opted,cy@example.com,,Subscribed', // 4: opted out by hand before: stays opted out
  'Dee,Granted,dee@example.com,,unsubscribed', // 5: agreed before, says no now
  'Eve,Odd,eve@example.com,,pending', // 6: the owner reads "pending" as opted out
  'Fay,Blank,fay@example.com,,', // 7: nothing said: the file-wide choice
  'Renée,Johnson,renée.johnson3@example.com,,subscribed', // 8: line 2 again
]);
const SQUARE_MAPPING = ['firstName', 'lastName', 'email', 'phone', 'emailConsent'] as const;

describe('a Square customer directory with a subscription column', () => {
  const dir = tempDir();
  let core: Core;
  let result: ImportDto;
  let contacts: Map<string, ContactDto>;
  const history = async (name: string) =>
    (await call(core, 'contacts.get', { id: contacts.get(name)!.id })).consentHistory.filter((event) => event.channel === 'email').map((event) => [event.status, event.source]);

  beforeAll(async () => {
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { country: 'US' });
    const cy = await call(core, 'contacts.create', { name: 'Cy Opted', email: 'cy@example.com', consent: { sms: 'unknown', email: 'granted' } });
    await call(core, 'contacts.setConsent', { id: cy.id, channel: 'email', status: 'opted_out', reason: 'Asked to stop emails' });
    await call(core, 'contacts.create', { name: 'Dee Granted', email: 'dee@example.com', consent: { sms: 'unknown', email: 'granted' } });
    result = await importFile(core, 'square.csv', fileBytes(SQUARE, 'utf-8'), {
      mapping: [...SQUARE_MAPPING],
      consent: { sms: 'granted', email: 'granted', source: 'Agreed at booking' },
      consentValues: { pending: 'opted_out' },
    });
    contacts = await contactsByName(core);
  });
  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it('keeps the client with an accented email, with both channels', () => {
    expect(result.summary).toMatchObject({ added: 4, updated: 3, rejected: 0, warnings: 0, merged: 3 });
    expect(contacts.get('Renée Johnson')).toMatchObject({
      email: 'renée.johnson3@example.com',
      phone: '+14155552671',
      consent: { sms: 'granted', email: 'granted', push: 'unknown' },
      emailNote: expect.stringContaining('SMTPUTF8'),
    });
    expect(contacts.get('Bob Stone')?.emailNote).toBeUndefined();
  });

  it('trusts an explicit “unsubscribed” over the file-wide choice and never re-grants an opt-out', () => {
    expect(contacts.get('Bob Stone')?.consent).toEqual({ sms: 'granted', email: 'opted_out', push: 'unknown' });
    expect(contacts.get('Cy Opted')?.consent.email).toBe('opted_out');
    expect(contacts.get('Dee Granted')?.consent.email).toBe('opted_out');
    expect(contacts.get('Eve Odd')?.consent.email).toBe('opted_out');
    expect(contacts.get('Fay Blank')?.consent.email).toBe('granted');
  });

  it('writes every consent change to the history with the file and line as its source', async () => {
    expect(await history('Renée Johnson')).toEqual([['granted', 'Import of square.csv, line 2: the file says “subscribed”']]);
    expect(await history('Bob Stone')).toEqual([['opted_out', 'Import of square.csv, line 3: the file says “Unsubscribed”']]);
    expect((await history('Dee Granted'))[0]).toEqual(['opted_out', 'Import of square.csv, line 5: the file says “unsubscribed”']);
    expect(await history('Fay Blank')).toEqual([['granted', 'Import of square.csv, line 7: Agreed at booking']]);
    expect((await history('Cy Opted'))[0]?.[0]).toBe('opted_out');
  });

  it('lists the duplicate row with the client it merged into', async () => {
    const { rows } = await call(core, 'imports.rows', { id: result.id, kind: 'merged' });
    const renee = contacts.get('Renée Johnson')!;
    expect(rows.find((row) => row.line === 8)).toEqual({
      line: 8,
      note: `Merged into Renée Johnson (client #${renee.id}), added from line 2 of this file.`,
      contactId: renee.id,
      contactName: 'Renée Johnson',
    });
  });

  it('shows the different values of the consent column in the whole file', async () => {
    const uploadId = await upload(core, 'square.csv', fileBytes(SQUARE, 'utf-8'));
    expect(await call(core, 'imports.columnValues', { uploadId, encoding: 'utf-8', delimiter: ',', hasHeader: true, column: 4 })).toEqual([
      { value: 'subscribed', rows: 2 },
      { value: 'pending', rows: 1 },
      { value: 'Subscribed', rows: 1 },
      { value: 'unsubscribed', rows: 1 },
      { value: 'Unsubscribed', rows: 1 },
    ]);
  });
});

describe('a file from another country than the salon’s', () => {
  const dir = tempDir();
  let core: Core;
  afterAll(async () => {
    await core.stop();
    dir.remove();
  });
  beforeAll(async () => {
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { country: 'US' });
  });

  it('reads a French file’s national numbers in France, overseas mobiles included, without changing the salon’s country', async () => {
    const text = csvText(['Nom,Portable', 'Léa Martin,06 12 34 56 78', 'Inès Dupont,06 90 12 34 56', 'Chloé Payet,0692 12 34 56']);
    const result = await importFile(core, 'clientes.csv', fileBytes(text, 'windows-1252'), { mapping: ['name', 'phone'], country: 'FR' });
    expect(result.summary).toMatchObject({ added: 3, rejected: 0, warnings: 2 });
    const contacts = await contactsByName(core);
    expect(contacts.get('Léa Martin')?.phone).toBe('+33612345678');
    expect(contacts.get('Inès Dupont')?.phone).toBe('+590690123456');
    expect(contacts.get('Chloé Payet')?.phone).toBe('+262692123456');
    expect((await call(core, 'settings.get', {})).country).toBe('US');
    const { rows } = await call(core, 'imports.rows', { id: result.id, kind: 'warning' });
    expect(rows.map((row) => [row.line, row.note])).toEqual([
      [3, 'Mobile number 06 90 12 34 56 is not a number of France: kept as +590690123456, a number of Guadeloupe.'],
      [4, 'Mobile number 0692 12 34 56 is not a number of France: kept as +262692123456, a number of Réunion.'],
    ]);
  });

  it('splits a Japanese full name family name first, so {{firstName}} is her given name', async () => {
    const text = csvText(['氏名,携帯', '佐藤 美咲,090-1234-5678']);
    const result = await importFile(core, 'kokyaku.csv', fileBytes(text, 'shift_jis'), { mapping: ['name', 'phone'], country: 'JP' });
    expect(result.summary).toMatchObject({ added: 1, rejected: 0 });
    expect((await contactsByName(core)).get('佐藤 美咲')).toMatchObject({ firstName: '美咲', lastName: '佐藤', phone: '+819012345678' });
  });

  it('keeps a client whose only address cannot be used, and finds her again on the next import instead of adding her twice', async () => {
    const text = csvText(['Name,Mobile,Email', 'Gus Hall,,gus@salon', 'Ana Roe,4155552699,']);
    const first = await importFile(core, 'walk-ins.csv', fileBytes(text, 'utf-8'), { mapping: ['name', 'phone', 'email'] });
    expect(first.summary).toMatchObject({ added: 2, rejected: 0, warnings: 1 });
    const again = await importFile(core, 'walk-ins.csv', fileBytes(text, 'utf-8'), { mapping: ['name', 'phone', 'email'] });
    expect(again.summary).toMatchObject({ added: 0, updated: 2, merged: 2 });
    const { contacts } = await call(core, 'contacts.list', { search: 'Gus Hall' });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ phone: null, email: null, consent: { sms: 'unknown', email: 'unknown', push: 'unknown' } });
  });

  it('refuses a country it does not know', async () => {
    const uploadId = await upload(core, 'x.csv', fileBytes(csvText(['Name,Mobile', 'A,1']), 'utf-8'));
    await expect(
      call(core, 'imports.start', {
        uploadId, encoding: 'utf-8', delimiter: ',', hasHeader: true, mapping: ['name', 'phone'], mergeRule: 'fill_empty',
        consent: { sms: 'unknown', email: 'unknown', source: 'None' }, country: 'ZZ',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
