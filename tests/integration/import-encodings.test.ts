// Files as real exports write them: Excel's "Unicode text" (UTF-16LE, tabs), a French Excel CSV
// (Windows-1252, semicolons, a sep= line), a Japanese list in Shift_JIS, and a plain UTF-8 file with pipes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { contactsByName, csvText, DEFAULT_CONSENT, fileBytes, finished, importFile, upload } from '../support/csv-fixtures';
import { call, createTestCore, tempDir } from '../support/test-core';

describe('importing files in other encodings and delimiters', () => {
  const dir = tempDir();
  let core: Core;

  beforeAll(() => {
    core = createTestCore(dir.path);
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it('reads UTF-16LE with a BOM and tabs (Excel’s Unicode text)', async () => {
    await call(core, 'settings.update', { country: 'US' });
    const text = csvText(['Name\tMobile\tEmail\tNotes', 'Zoë Ångström\t(415) 555-3001\tzoe@salon.dev\tLikes “oolong” tea', 'Ōta Ren\t4155553002\t\t']);
    const bytes = fileBytes(text, 'utf-16le-bom');
    const uploadId = await upload(core, 'unicode.txt', bytes);
    expect(await call(core, 'imports.preview', { uploadId })).toMatchObject({
      encoding: 'utf-16le',
      askEncoding: false,
      delimiter: '\t',
      headers: ['Name', 'Mobile', 'Email', 'Notes'],
      suggestedMapping: ['name', 'phone', 'email', 'notes'],
      totalRows: 2,
    });
    const result = await importFile(core, 'unicode.txt', bytes);
    expect(result.summary).toMatchObject({ added: 2, updated: 0, skipped: 0, rejected: 0 });
    const contacts = await contactsByName(core);
    expect(contacts.get('Zoë Ångström')).toMatchObject({ phone: '+14155553001', email: 'zoe@salon.dev', notes: 'Likes “oolong” tea' });
    expect(contacts.get('Ōta Ren')).toMatchObject({ firstName: 'Ōta', lastName: 'Ren', phone: '+14155553002' });
  });

  it('reads Windows-1252 with a sep=; line, day-first dates and euro amounts, once the owner confirms the encoding', async () => {
    await call(core, 'settings.update', { country: 'FR' });
    const text = csvText([
      'sep=;',
      'Prénom;Nom;Portable;Email;Birthday;Total spent;Notes',
      'José;Núñez;06 12 34 56 78;jose@salon.fr;23/04/1990;1.234,50 €;Señora, crème brûlée',
      'Renée;Côté;+33 6 98 76 54 32;;05/11;12 €;',
    ]);
    const bytes = fileBytes(text, 'windows-1252');
    const uploadId = await upload(core, 'clients-fr.csv', bytes);
    const asked = await call(core, 'imports.preview', { uploadId });
    expect(asked).toMatchObject({ encoding: 'windows-1252', askEncoding: true, candidates: ['windows-1252', 'shift_jis'], delimiter: ';' });
    expect(asked.headers).toEqual(['Prénom', 'Nom', 'Portable', 'Email', 'Birthday', 'Total spent', 'Notes']);

    const confirmed = await call(core, 'imports.preview', { uploadId, encoding: 'windows-1252' });
    expect(confirmed).toMatchObject({ encoding: 'windows-1252', encodingConfidence: 100, askEncoding: false, totalRows: 2 });
    // French headers are known names: “Nom” beside “Prénom” is the family name.
    expect(confirmed.suggestedMapping).toEqual(['firstName', 'lastName', 'phone', 'email', 'birthday', 'totalSpent', 'notes']);

    const started = await call(core, 'imports.start', {
      uploadId,
      encoding: 'windows-1252',
      delimiter: ';',
      hasHeader: true,
      mapping: ['firstName', 'lastName', 'phone', 'email', 'birthday', 'totalSpent', 'notes'],
      mergeRule: 'fill_empty',
      consent: DEFAULT_CONSENT,
    });
    expect((await finished(core, started.id)).summary).toMatchObject({ added: 2, updated: 0, skipped: 0, rejected: 0 });
    const contacts = await contactsByName(core);
    expect(contacts.get('José Núñez')).toMatchObject({
      phone: '+33612345678',
      birthday: '1990-04-23',
      totalSpentCents: 123_450,
      notes: 'Señora, crème brûlée',
    });
    expect(contacts.get('Renée Côté')).toMatchObject({ phone: '+33698765432', birthday: '--11-05', totalSpentCents: 1200 });
  });

  it('reads Japanese names in Shift_JIS: the preview asks, offering Shift_JIS first', async () => {
    await call(core, 'settings.update', { country: 'JP' });
    const text = csvText([
      '名前,携帯電話,メール',
      '山田 太郎,090-1234-5678,taro@example.jp',
      '佐藤 花子,０８０－２３４５－６７８９,hanako@example.jp',
    ]);
    const bytes = fileBytes(text, 'shift_jis');
    const uploadId = await upload(core, '顧客.csv', bytes);
    const preview = await call(core, 'imports.preview', { uploadId });
    expect(preview).toMatchObject({ encoding: 'shift_jis', askEncoding: true, candidates: ['shift_jis', 'windows-1252'] });
    expect(preview.headers).toEqual(['名前', '携帯電話', 'メール']);
    expect(preview.suggestedMapping).toEqual(['name', 'phone', 'email']);

    const result = await importFile(core, '顧客.csv', bytes, { encoding: 'shift_jis' });
    expect(result.summary).toMatchObject({ added: 2, updated: 0, skipped: 0, rejected: 0 });
    const contacts = await contactsByName(core);
    // A Japanese full name is family name first.
    expect(contacts.get('山田 太郎')).toMatchObject({ firstName: '太郎', lastName: '山田', phone: '+819012345678', email: 'taro@example.jp' });
    expect(contacts.get('佐藤 花子')).toMatchObject({ phone: '+818023456789' });
  });

  it('reads UTF-8 without a BOM, with pipes and LF line ends, and a file without a header row', async () => {
    await call(core, 'settings.update', { country: 'US' });
    const text = csvText(['Quinn Roe|(415) 555-3101|quinn@salon.dev', 'Rae Sun|(415) 555-3102|'], '\n');
    const bytes = fileBytes(text, 'utf-8');
    const uploadId = await upload(core, 'no-header.csv', bytes);
    expect(await call(core, 'imports.preview', { uploadId })).toMatchObject({
      encoding: 'utf-8',
      delimiter: '|',
      headers: ['Column 1', 'Column 2', 'Column 3'],
      rows: [
        ['Quinn Roe', '(415) 555-3101', 'quinn@salon.dev'],
        ['Rae Sun', '(415) 555-3102', ''],
      ],
      totalRows: 2,
      suggestedMapping: ['ignore', 'phone', 'email'],
    });
    const result = await importFile(core, 'no-header.csv', bytes, { hasHeader: false, mapping: ['name', 'phone', 'email'] });
    expect(result.summary).toMatchObject({ added: 2, updated: 0, skipped: 0, rejected: 0 });
    expect((await contactsByName(core)).get('Rae Sun')).toMatchObject({ phone: '+14155553102' });
  });
});
