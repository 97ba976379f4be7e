// An import's life through the contract: progress, completion, cancel, refusal, interruption, and the
// rejected-rows file, with the database compared before and after.
import { join } from 'node:path';
import { truncateSync } from 'node:fs';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract';
import type { ImportDto } from '../../shared/imports';
import type { Core } from '../../electron/core';
import { MAX_UPLOAD_BYTES } from '../../electron/core/imports/uploads';
import { snapshotDatabase } from '../support/db-snapshot';
import {
  csvText,
  DEFAULT_CONSENT,
  fileBytes,
  finished,
  generatedClients,
  importFile,
  upload,
  type StartChoices,
} from '../support/csv-fixtures';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

const CONTACT_TABLES = ['contacts', 'consent_events', 'tags', 'contact_tags', 'audit_log'];
const CHOICES: StartChoices = {
  encoding: 'utf-8',
  delimiter: ',',
  hasHeader: true,
  mapping: ['name', 'phone', 'email'],
  mergeRule: 'overwrite',
  consent: DEFAULT_CONSENT,
  tags: ['Imported'],
};

describe('an import’s life', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;
  let dbPath: string;

  beforeEach(async () => {
    dir = tempDir();
    dbPath = join(dir.path, 'salon.db');
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { country: 'US' });
    // A client the files below would update: she must stay untouched when an import does not complete.
    await call(core, 'contacts.create', { name: 'Client 3', phone: '+14152000003', notes: 'Before the import', tags: ['Regular'] });
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  /** The tables an import may write, as one string. */
  function contactTables(): string {
    const tables = JSON.parse(snapshotDatabase(dbPath)) as Array<[string, unknown[]]>;
    return JSON.stringify(tables.filter(([name]) => CONTACT_TABLES.includes(name)));
  }

  function stagedRows(importId: number): number {
    const db = new Database(dbPath, { readonly: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM import_rows WHERE import_id = ?').pluck().get(importId) as number;
    } finally {
      db.close();
    }
  }

  function collect<E extends keyof Events>(event: E): Array<Events[E]> {
    const seen: Array<Events[E]> = [];
    core.events.on(event, (payload) => seen.push(payload));
    return seen;
  }

  it('reports progress a chunk at a time, then the summary, and tells lists to reload', async () => {
    const progress = collect('import.progress');
    const changed = collect('contacts.changed');
    const uploadId = await upload(core, 'big.csv', fileBytes(generatedClients(5000), 'utf-8'));
    const started = await call(core, 'imports.start', { uploadId, ...CHOICES });
    expect(started).toMatchObject({ fileName: 'big.csv', status: 'running', processed: 0, total: 5000, summary: null, finishedAt: null });

    const result = await finished(core, started.id);
    expect(result).toMatchObject({ status: 'completed', processed: 5000, total: 5000, error: null });
    expect(result.summary).toEqual({ added: 4999, updated: 1, skipped: 0, rejected: 0, warnings: 0, merged: 1 });
    expect(progress.map((dto) => [dto.status, dto.processed])).toEqual([
      ['running', 2000],
      ['running', 4000],
      ['running', 5000],
      ['completed', 5000],
    ]);
    expect(progress.at(-1)).toEqual(result);
    expect(changed).toEqual([{ reason: 'import' }]);
    // Only the rows listed in the result stay staged (here the one merged row), and the upload is gone.
    expect(stagedRows(started.id)).toBe(1);
    expect((await callFailing(core, 'imports.preview', { uploadId })).code).toBe('not_found');
    const { total } = await call(core, 'contacts.list', { limit: 1 });
    expect(total).toBe(5000);
  });

  it('cancelled mid-import, changes no client and keeps nothing staged', async () => {
    const before = contactTables();
    const uploadId = await upload(core, 'big.csv', fileBytes(generatedClients(10_000), 'utf-8'));
    let cancelled: Promise<unknown> | undefined;
    const progress: ImportDto[] = [];
    core.events.on('import.progress', (dto) => {
      progress.push(dto);
      // Cancel as soon as the first chunk is staged, while the import runs.
      if (dto.status === 'running' && !cancelled) cancelled = call(core, 'imports.cancel', { id: dto.id });
    });
    const started = await call(core, 'imports.start', { uploadId, ...CHOICES });
    const result = await finished(core, started.id);
    expect(await cancelled).toMatchObject({ status: 'cancelled', processed: 2000 });
    expect(result).toMatchObject({ status: 'cancelled', processed: 2000, total: 10_000, summary: null });
    expect(result.finishedAt).not.toBeNull();

    // Give the job the turns it would have used, then check nothing moved.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(progress.map((dto) => [dto.status, dto.processed])).toEqual([
      ['running', 2000],
      ['cancelled', 2000],
    ]);
    expect(contactTables()).toBe(before);
    expect(stagedRows(started.id)).toBe(0);
    expect(await call(core, 'imports.cancel', { id: started.id })).toEqual(result);
    // Its upload went with it (the wizard starts again from choosing the file).
    expect(await callFailing(core, 'imports.preview', { uploadId })).toMatchObject({ code: 'not_found' });
  });

  it('fails cleanly when something breaks mid-run: staging cleared, no client changed', async () => {
    const before = contactTables();
    const uploadId = await upload(core, 'big.csv', fileBytes(generatedClients(5000), 'utf-8'));
    let broken = false;
    // A listener that throws (a transport gone wrong) breaks the job inside its run.
    core.events.on('import.progress', () => {
      if (broken) return;
      broken = true;
      throw new Error('window went away');
    });
    const started = await call(core, 'imports.start', { uploadId, ...CHOICES });
    expect(await finished(core, started.id)).toMatchObject({
      status: 'failed',
      processed: 2000,
      summary: null,
      error: 'The import stopped on an unexpected problem and changed no client. The details were written to the log.',
    });
    expect(stagedRows(started.id)).toBe(0);
    expect(contactTables()).toBe(before);
  });

  it('refuses a mapping with two mobile-number columns, changing nothing', async () => {
    const uploadId = await upload(core, 'two-phones.csv', fileBytes(csvText(['Name,Mobile,Phone', 'Ana,4155552671,4155552672']), 'utf-8'));
    const before = snapshotDatabase(dbPath);
    const error = await callFailing(core, 'imports.start', { uploadId, ...CHOICES, mapping: ['name', 'phone', 'phone'] });
    expect(error).toEqual({
      code: 'invalid_input',
      message: 'Columns 2 and 3 both go to Mobile number: keep one.',
      issues: [{ path: 'mapping.2', message: 'Columns 2 and 3 both go to Mobile number: keep one.' }],
    });
    expect(snapshotDatabase(dbPath)).toBe(before);
  });

  it('refuses other bad choices and unknown ids with clear errors, changing nothing', async () => {
    const uploadId = await upload(core, 'clients.csv', fileBytes(csvText(['Name,Mobile,Notes', 'Ana,4155552671,x']), 'utf-8'));
    const headerOnly = await upload(core, 'empty.csv', fileBytes(csvText(['Name,Mobile']), 'utf-8'));
    const unclosed = await upload(core, 'broken.csv', fileBytes('Name,Mobile\r\nAna,"4155552671\r\n', 'utf-8'));
    const empty = await upload(core, 'nothing.csv', Buffer.alloc(0));
    const before = snapshotDatabase(dbPath);
    const refusals: Array<[string, unknown, string, string]> = [
      ['imports.start', { uploadId, ...CHOICES, mapping: ['name', 'phone'] }, 'invalid_input', 'The file has 3 columns but 2 were matched. Preview the file again.'],
      [
        'imports.start',
        { uploadId, ...CHOICES, mapping: ['name', 'notes', 'ignore'] },
        'invalid_input',
        'Choose the column with the mobile number or the email: a client needs one to be reached.',
      ],
      ['imports.start', { uploadId: headerOnly, ...CHOICES, mapping: ['name', 'phone'] }, 'invalid_input', 'The file has no client rows to import.'],
      [
        'imports.preview',
        { uploadId: unclosed },
        'invalid_input',
        'A quote (") opens a cell that never closes, so the rest of the file runs into it. Open the file in a spreadsheet and save it again as CSV.',
      ],
      ['imports.preview', { uploadId: empty }, 'invalid_input', 'The file is empty.'],
      ['imports.start', { uploadId: 'no-such-upload', ...CHOICES }, 'not_found', 'That upload was not found. It may have been deleted.'],
      ['imports.preview', { uploadId: 'no-such-upload' }, 'not_found', 'That upload was not found. It may have been deleted.'],
      ['imports.upload', { uploadId: 'no-such-upload', fileName: 'x.csv', chunk: 'QQ==' }, 'not_found', 'That upload was not found. It may have been deleted.'],
      ['imports.get', { id: 999 }, 'not_found', 'That import was not found. It may have been deleted.'],
      ['imports.cancel', { id: 999 }, 'not_found', 'That import was not found. It may have been deleted.'],
      ['imports.rejectedCsv', { id: 999 }, 'not_found', 'That import was not found. It may have been deleted.'],
      ['imports.start', { uploadId, ...CHOICES, mapping: ['name', 'phone', 'custom:Bad!'] }, 'invalid_input', 'That custom field name is not valid'],
      ['imports.upload', { fileName: 'x.csv', chunk: 'not base64!' }, 'invalid_input', 'The file piece is not base64'],
    ];
    for (const [method, input, code, message] of refusals) {
      const error = await callFailing(core, method, input);
      expect({ method, code: error.code, message: error.message }).toEqual({ method, code, message });
    }
    expect(snapshotDatabase(dbPath)).toBe(before);
  });

  it('refuses to cancel an import that has finished', async () => {
    const result = await importFile(core, 'small.csv', fileBytes(generatedClients(2), 'utf-8'));
    const error = await callFailing(core, 'imports.cancel', { id: result.id });
    expect(error).toEqual({ code: 'conflict', message: 'This import has already finished, so there is nothing to cancel.' });
  });

  it('refuses a file over the size limit and drops what was sent', async () => {
    const uploadId = await upload(core, 'huge.csv', fileBytes(generatedClients(2), 'utf-8'));
    // Stand in for 200 MB of earlier pieces without sending them.
    truncateSync(join(dir.path, 'uploads', `${uploadId}.bin`), MAX_UPLOAD_BYTES);
    const error = await callFailing(core, 'imports.upload', { uploadId, fileName: 'huge.csv', chunk: 'QUJD' });
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'The file is larger than 200 MB. Split the list into smaller files and import each.',
    });
    expect((await callFailing(core, 'imports.preview', { uploadId })).code).toBe('not_found');
  });

  it('writes rejected rows and rows with warnings with their line and reason, neutralising formulas', async () => {
    const text = csvText([
      'Name,Mobile,Email,Notes',
      '"=HYPERLINK(""http://x.example"",""Click"")",,,', // 2: no way to reach
      '@SUM(A1),+1 555,,-2+3', // 3: invalid number
      'Ana,4155552671,,=1+1', // 4: fine, and stored as typed
      ',+1 555,,=2+2', // 5: no name and no way to reach
    ]);
    const result = await importFile(core, 'formulas.csv', fileBytes(text, 'utf-8'), { mapping: ['name', 'phone', 'email', 'notes'] });
    expect(result.summary).toEqual({ added: 3, updated: 0, skipped: 0, rejected: 1, warnings: 2, merged: 0 });
    const invalid =
      'Mobile number not usable: “+1 555” is not a valid phone number for United States. For a number from another country, start with + and its country code.';
    const unreachable = 'No usable mobile number or email: the client was added, but cannot get messages until you add one.';
    const rejected = await call(core, 'imports.rejectedCsv', { id: result.id });
    expect(rejected.fileName).toBe('formulas-rejected.csv');
    expect(parse(rejected.csv, { bom: true })).toEqual([
      ['Line', 'Reason', 'Name', 'Mobile', 'Email', 'Notes'],
      ['5', `${invalid} No name, mobile number or email: there is nobody to add.`, '', "'+1 555", '', "'=2+2"],
    ]);
    const warned = await call(core, 'imports.rejectedCsv', { id: result.id, kind: 'warning' });
    expect(warned.fileName).toBe('formulas-warnings.csv');
    expect(parse(warned.csv, { bom: true })).toEqual([
      ['Line', 'Warning', 'Name', 'Mobile', 'Email', 'Notes'],
      ['2', unreachable, '\'=HYPERLINK("http://x.example","Click")', '', '', ''],
      ['3', `${invalid} ${unreachable}`, "'@SUM(A1)", "'+1 555", '', "'-2+3"],
    ]);
    const { contacts } = await call(core, 'contacts.list', { search: 'Ana' });
    expect(contacts[0]?.notes).toBe('=1+1');
  });

  it('ends an import the app closed during as failed when it opens again, with no client changed', async () => {
    const before = contactTables();
    const uploadId = await upload(core, 'big.csv', fileBytes(generatedClients(20_000), 'utf-8'));
    // The core stops (the app quits) as soon as the first chunk is staged.
    const stopped = new Promise<void>((resolve) => {
      const off = core.events.on('import.progress', () => {
        off();
        resolve(core.stop());
      });
    });
    const started = await call(core, 'imports.start', { uploadId, ...CHOICES });
    await stopped;

    core = createTestCore(dir.path);
    expect(await call(core, 'imports.get', { id: started.id })).toMatchObject({
      status: 'failed',
      error: 'The app closed before the import finished, so no client was changed. Import the file again.',
    });
    expect(stagedRows(started.id)).toBe(0);
    expect(contactTables()).toBe(before);
  });
});
