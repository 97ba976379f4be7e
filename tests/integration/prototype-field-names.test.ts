// A CSV column named `constructor` once stopped every broadcast. Such names are renamed at import,
// refused as field names, and a token naming one is an unknown field everywhere, never a crash.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVERYONE } from '../../shared/audience';
import { emptyStep } from '../../shared/broadcasts';
import type { Core } from '../../electron/core';
import { createBroadcast } from '../support/broadcasts';
import { contactsByName, csvText, DEFAULT_CONSENT, fileBytes, finished, upload } from '../support/csv-fixtures';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

const UNKNOWN = 'Unknown field “custom:constructor”';

describe('fields named like what every object inherits', () => {
  let dir: ReturnType<typeof tempDir>;
  let core: Core;

  beforeEach(async () => {
    dir = tempDir();
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { country: 'US', ownerPhone: '(415) 555-0100' });
  });

  afterEach(async () => {
    await core.stop();
    dir.remove();
  });

  it('keeps such a column under a name with its column number, and refuses the bare name', async () => {
    const lines = ['Name,Mobile,Stylist,constructor,__proto__,toString', 'Ana Lopez,4155552671,Maria,a,b,c'];
    const uploadId = await upload(core, 'clients.csv', fileBytes(csvText(lines), 'utf-8'));
    const preview = await call(core, 'imports.preview', { uploadId });
    expect(preview.suggestedMapping).toEqual([
      'name',
      'phone',
      'custom:Stylist',
      'custom:constructor (column 4)',
      'custom:__proto__ (column 5)',
      'custom:toString (column 6)',
    ]);
    const choices = { uploadId, encoding: preview.encoding, delimiter: preview.delimiter, hasHeader: true, mergeRule: 'fill_empty', consent: DEFAULT_CONSENT } as const;

    const refused = await callFailing(core, 'imports.start', { ...choices, mapping: ['name', 'phone', 'custom:Stylist', 'custom:constructor', 'ignore', 'ignore'] });
    expect(refused).toMatchObject({ code: 'invalid_input', message: 'That custom field name is not valid' });

    const started = await call(core, 'imports.start', { ...choices, mapping: preview.suggestedMapping });
    expect((await finished(core, started.id)).summary).toMatchObject({ added: 1, rejected: 0 });
    expect((await contactsByName(core)).get('Ana Lopez')?.customFields).toEqual({
      Stylist: 'Maria',
      'constructor (column 4)': 'a',
      '__proto__ (column 5)': 'b',
      'toString (column 6)': 'c',
    });
    const edit = await callFailing(core, 'contacts.create', { name: 'Bo', phone: '4155552600', customFields: { valueOf: 'x' } });
    expect(edit.code).toBe('invalid_input');
  });

  it('says “Unknown field” in review, preview and test send, even when a client holds such a field', async () => {
    const ana = (await call(core, 'contacts.create', { name: 'Ana Lopez', phone: '4155552671', consent: { sms: 'granted', email: 'unknown' } })).id;
    await call(core, 'contacts.create', { name: 'Bo Chen', phone: '4155552600', consent: { sms: 'granted', email: 'unknown' } });
    // Stored before names were checked: one client has the field, the other reads it from nowhere.
    const writer = new Database(join(dir.path, 'salon.db'));
    writer.prepare(`UPDATE contacts SET custom_fields = '{"constructor":"Maria"}' WHERE id = ?`).run(ana);
    writer.close();
    // Not offered for tokens or filters: it can no longer be used.
    expect(await call(core, 'customFields.list', {})).not.toContain('constructor');

    const body = 'Hi {{custom:constructor|friend}}';
    const draft = await createBroadcast(core, { name: 'Proto', body });
    const review = await call(core, 'broadcasts.review', { id: draft.id });
    expect(review.problems).toContainEqual({ path: 'steps.0.sms.body', message: `Day 1: ${UNKNOWN}` });

    const step = { ...emptyStep(), sms: { body, optOutLine: true } };
    const preview = await callFailing(core, 'broadcasts.preview', { type: 'sms', step, audience: EVERYONE });
    expect(preview).toMatchObject({ code: 'invalid_input', issues: [{ path: 'step.sms.body', message: UNKNOWN }] });

    const test = await callFailing(core, 'broadcasts.testSend', { id: draft.id, day: 1, channel: 'sms', contactId: ana });
    expect(test).toMatchObject({ code: 'invalid_input', issues: [{ path: 'steps.0.sms.body', message: `Day 1: ${UNKNOWN}` }] });
    expect(await callFailing(core, 'broadcasts.launch', { id: draft.id })).toMatchObject({ code: 'invalid_input' });
  });
});
