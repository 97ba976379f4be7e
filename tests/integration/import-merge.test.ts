// Rows that match existing clients or earlier rows, under each merge rule, with the consent statement
// and tags applied exactly where they should be.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactDto } from '../../shared/dto';
import type { ImportDto, MergeRule } from '../../shared/imports';
import type { Core } from '../../electron/core';
import { contactsByName, csvText, fileBytes, importFile } from '../support/csv-fixtures';
import { call, createTestCore, tempDir } from '../support/test-core';

const FILE = csvText([
  'Name,Mobile,Email,Notes,Visits,Lead Source,Tags', // 1
  'Ana Lopez-New,415-555-2671,ana.new@salon.dev,New note,5,,Color', // 2: Ana by mobile
  'Bo Chen-New,4155552610,bo@salon.dev,,,Instagram,', // 3: Bo by email (Bo has no mobile)
  'Cy Opted,4155552602,cy@salon.dev,,,,', // 4: Cy, who opted out of texts
  'Dan New,4155552611,dan@salon.dev,First note,,,', // 5: new
  'Dan Dup,4155552611,,From dup,7,,', // 6: line 5 again
  'Eve Shared,4155552612,bo@salon.dev,,,,', // 7: Bo's email with another mobile
  'Fay Other,4155552602,dan@salon.dev,,,,', // 8: Cy's mobile with Dan's email
]);
const source = (line: number) => `Import of merge.csv, line ${line}: Agreed to messages at booking`;

interface Salon {
  core: Core;
  dbPath: string;
  result: ImportDto;
  contacts: Map<string, ContactDto>;
  remove(): Promise<void>;
}

/** A salon with Ana, Bo and Cy (opted out of texts), after importing FILE under `rule`. */
async function importUnder(mergeRule: MergeRule): Promise<Salon> {
  const dir = tempDir();
  const core = createTestCore(dir.path);
  await call(core, 'settings.update', { country: 'US' });
  await call(core, 'contacts.create', {
    name: 'Ana Lopez',
    phone: '(415) 555-2671',
    email: 'ana@salon.dev',
    notes: 'Old note',
    tags: ['Regular'],
  });
  await call(core, 'contacts.create', { name: 'Bo Chen', email: 'bo@salon.dev', leadSource: 'Walk-in' });
  const cy = await call(core, 'contacts.create', { name: 'Cy Opted', phone: '4155552602', consent: { sms: 'granted', email: 'unknown' } });
  await call(core, 'contacts.setConsent', { id: cy.id, channel: 'sms', status: 'opted_out', reason: 'Replied STOP' });
  const result = await importFile(core, 'merge.csv', fileBytes(FILE, 'utf-8'), { mergeRule, tags: ['Imported'] });
  return {
    core,
    dbPath: join(dir.path, 'salon.db'),
    result,
    contacts: await contactsByName(core),
    remove: async () => {
      await core.stop();
      dir.remove();
    },
  };
}

/** [line, reason] of each row in the rejected-rows file. */
async function rejectedRows(salon: Salon): Promise<string[][]> {
  const { csv } = await call(salon.core, 'imports.rejectedCsv', { id: salon.result.id });
  const records = parse(csv, { bom: true }) as string[][];
  return records.slice(1).map((record) => record.slice(0, 2));
}

describe('merge rule fill_empty', () => {
  let salon: Salon;
  beforeAll(async () => {
    salon = await importUnder('fill_empty');
  });
  afterAll(() => salon.remove());

  it('counts each row once', () => {
    expect(salon.result.summary).toEqual({ added: 1, updated: 5, skipped: 0, rejected: 1, warnings: 0, merged: 5 });
  });

  it('only fills what the client lacks, in existing clients and in the first row of a duplicate', () => {
    expect([...salon.contacts.keys()].sort()).toEqual(['Ana Lopez', 'Bo Chen', 'Cy Opted', 'Dan New']);
    expect(salon.contacts.get('Ana Lopez')).toMatchObject({
      firstName: 'Ana',
      lastName: 'Lopez', // Added by hand as “Ana Lopez”: her last name was already known.
      phone: '+14155552671',
      email: 'ana@salon.dev',
      notes: 'Old note',
      visitCount: 5,
      tags: ['Color', 'Imported', 'Regular'],
    });
    expect(salon.contacts.get('Bo Chen')).toMatchObject({ phone: '+14155552610', email: 'bo@salon.dev', leadSource: 'Walk-in' });
    expect(salon.contacts.get('Cy Opted')).toMatchObject({ phone: '+14155552602', email: 'cy@salon.dev' });
    expect(salon.contacts.get('Dan New')).toMatchObject({
      phone: '+14155552611',
      email: 'dan@salon.dev',
      notes: 'First note',
      visitCount: 7,
      tags: ['Imported'],
    });
  });

  it('rejects a row whose email belongs to a client with another mobile number', async () => {
    expect(await rejectedRows(salon)).toEqual([
      ['7', 'Email bo@salon.dev already belongs to Bo Chen, who has a different mobile number. One email can belong to one client only.'],
    ]);
  });

  it('records the owner’s consent statement per channel, with its source', async () => {
    const dan = await call(salon.core, 'contacts.get', { id: salon.contacts.get('Dan New')!.id });
    expect(dan.consent).toEqual({ sms: 'granted', email: 'granted', push: 'unknown' });
    expect(dan.consentHistory.map(({ channel, status, source }) => ({ channel, status, source })).sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { channel: 'email', status: 'granted', source: source(5) },
      { channel: 'sms', status: 'granted', source: source(5) },
    ]);
    expect(salon.contacts.get('Ana Lopez')?.consent).toEqual({ sms: 'granted', email: 'granted', push: 'unknown' });
  });

  it('lists each row merged into a client with its line and the client, in the result and in a CSV', async () => {
    const ana = salon.contacts.get('Ana Lopez')!;
    const dan = salon.contacts.get('Dan New')!;
    const { rows, total } = await call(salon.core, 'imports.rows', { id: salon.result.id, kind: 'merged' });
    expect(total).toBe(5);
    expect(rows[0]).toEqual({ line: 2, note: `Merged into Ana Lopez (client #${ana.id}), already in your list.`, contactId: ana.id, contactName: 'Ana Lopez' });
    expect(rows.find((row) => row.line === 6)).toEqual({
      line: 6,
      note: `Merged into Dan New (client #${dan.id}), added from line 5 of this file.`,
      contactId: dan.id,
      contactName: 'Dan New',
    });
    const { fileName, csv } = await call(salon.core, 'imports.rejectedCsv', { id: salon.result.id, kind: 'merged' });
    expect(fileName).toBe('merge-merged.csv');
    const records = parse(csv, { bom: true }) as string[][];
    expect(records[0]?.slice(0, 3)).toEqual(['Line', 'Merged into', 'Name']);
    expect(records.slice(1).map((record) => record[0])).toEqual(['2', '3', '4', '6', '8']);
  });

  it('keeps an opted-out client opted out, and says so in the audit log', async () => {
    const cy = await call(salon.core, 'contacts.get', { id: salon.contacts.get('Cy Opted')!.id });
    expect(cy.consent).toEqual({ sms: 'opted_out', email: 'granted', push: 'unknown' });
    expect(cy.consentHistory.filter((event) => event.channel === 'sms').map((event) => [event.status, event.source])).toEqual([
      ['opted_out', 'Changed by hand: Replied STOP'],
      ['granted', 'Added by hand: agreed to texts'],
    ]);
    const db = new Database(salon.dbPath, { readonly: true });
    const audit = db.prepare(`SELECT subject, detail FROM audit_log WHERE action = 'import.completed'`).get() as { subject: string; detail: string };
    db.close();
    expect(audit.subject).toBe(`import:${salon.result.id}`);
    expect(JSON.parse(audit.detail)).toEqual({ fileName: 'merge.csv', added: 1, updated: 5, skipped: 0, rejected: 1, warnings: 0, merged: 5, keptOptedOut: 1 });
  });
});

describe('merge rule overwrite', () => {
  let salon: Salon;
  beforeAll(async () => {
    salon = await importUnder('overwrite');
  });
  afterAll(() => salon.remove());

  it('counts each row once', () => {
    expect(salon.result.summary).toEqual({ added: 1, updated: 4, skipped: 0, rejected: 2, warnings: 0, merged: 4 });
  });

  it('replaces values with the file’s, a later duplicate row winning over an earlier one', () => {
    expect([...salon.contacts.keys()].sort()).toEqual(['Ana Lopez-New', 'Bo Chen-New', 'Cy Opted', 'Dan Dup']);
    expect(salon.contacts.get('Ana Lopez-New')).toMatchObject({
      firstName: 'Ana',
      lastName: 'Lopez-New',
      phone: '+14155552671',
      email: 'ana.new@salon.dev',
      notes: 'New note',
      visitCount: 5,
      tags: ['Color', 'Imported', 'Regular'],
    });
    expect(salon.contacts.get('Bo Chen-New')).toMatchObject({ phone: '+14155552610', email: 'bo@salon.dev', leadSource: 'Instagram' });
    // Empty cells never erase: Dan keeps the email of line 5.
    expect(salon.contacts.get('Dan Dup')).toMatchObject({
      firstName: 'Dan',
      lastName: 'Dup',
      email: 'dan@salon.dev',
      notes: 'From dup',
      visitCount: 7,
    });
    expect(salon.contacts.get('Cy Opted')).toMatchObject({ email: 'cy@salon.dev', consent: { sms: 'opted_out', email: 'granted', push: 'unknown' } });
  });

  it('never gives one mobile number or email to two clients', async () => {
    expect(await rejectedRows(salon)).toEqual([
      ['7', 'Email bo@salon.dev already belongs to Bo Chen-New, who has a different mobile number. One email can belong to one client only.'],
      ['8', 'Email dan@salon.dev already belongs to Dan Dup, and this row matches Cy Opted. Fix one of them and import again.'],
    ]);
  });
});

describe('merge rule skip', () => {
  let salon: Salon;
  beforeAll(async () => {
    salon = await importUnder('skip');
  });
  afterAll(() => salon.remove());

  it('leaves matched clients as they were and counts them as skipped', async () => {
    expect(salon.result.summary).toEqual({ added: 1, updated: 0, skipped: 6, rejected: 0, warnings: 0, merged: 6 });
    expect(salon.contacts.get('Ana Lopez')).toMatchObject({
      firstName: 'Ana',
      email: 'ana@salon.dev',
      notes: 'Old note',
      visitCount: null,
      tags: ['Regular'],
      consent: { sms: 'unknown', email: 'unknown', push: 'unknown' },
    });
    expect(salon.contacts.get('Bo Chen')).toMatchObject({ phone: null, leadSource: 'Walk-in', tags: [] });
    expect(salon.contacts.get('Cy Opted')).toMatchObject({ email: null, consent: { sms: 'opted_out', email: 'unknown', push: 'unknown' } });
    expect(salon.contacts.get('Dan New')).toMatchObject({ notes: 'First note', visitCount: null, tags: ['Imported'] });
    expect(await rejectedRows(salon)).toEqual([]);
  });
});
