// One torture file through preview, import and the rejected-rows file: every kind of row a salon's
// export can hold, with the exact outcome of each.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportDto, ImportPreviewDto } from '../../shared/imports';
import type { Core } from '../../electron/core';
import { contactsByName, csvText, DEFAULT_CONSENT, fileBytes, finished, upload } from '../support/csv-fixtures';
import { call, createTestCore, tempDir } from '../support/test-core';

const HEADER =
  'First Name,Last Name,Mobile,E-mail,Date of Birth,Client Since,Last Visit,Number of Visits,Total Spent,Tags,Notes,Lead Source,Zip,Favourite Colour';

/** Lines as the owner's spreadsheet would see them; the comment is the physical line each row starts on. */
const LINES = [
  HEADER, // 1
  ' Ana ,Lopez,(415) 555-2671,Ana@Salon.DEV,4/23/1990,1/15/2020,2024-03-05,12,"$1,234.50","VIP; Color",Likes tea,Instagram,94110,Teal', // 2
  'Bo,Chen,＋１ ４１５ ５５５ ２６００,bo@salon.dev,July 4,,,,,,,,,', // 3
  'Cy,Diaz,\'4155552602,,,,,,,,"Line one', // 4 (the notes run onto line 5)
  'Line two, with a comma",,,', // 5
  'Dee,Evans,8.19E+11,dee@salon.dev,,,,,,,,,,', // 6
  'Eve,Fox,555-0000,eve@salon.dev,,,,,,,,,,', // 7
  'Fay,Gold,4155552603,not-an-email,,,,,,,,,,', // 8
  '"=HYPERLINK(""x"")",,4155552604,hyper@salon.dev,,,,,,,,,,', // 9
  'Gus,Hall,,,,,,,,,Walk-in,,,', // 10
  'Hal,Ives,4155552605', // 11: fewer cells than the header
  'Ida,Jones,4155552606,ida@salon.dev,,,,,,,,,,,Extra one,Extra two', // 12: more cells than the header
  'Ana,Lopez-Smith,415-555-2671,,,,,3,,"New|VIP",Prefers mornings,,,', // 13: Ana again
  '', // 14: blank
  'Jo,Kim,4155552607,jo@salon.dev,2/30/1990,,,,,,,,,', // 15
  'Kai,Lee,4155552608,,,,,many,,,,,,', // 16
  'Lu,Ma,4155552609,,,,last week,,1.234,,,,,', // 17
  ',,,only-email@salon.dev,,,,,,,,,,', // 18
  'Mo,Ng,4155552610,"  MO@salon.dev ",,,,,€12,,,,,', // 19
  'Ned,Oz,4155552611,,,,,,free,,,,,', // 20
];

describe('importing a torture file', () => {
  const dir = tempDir();
  let core: Core;
  let preview: ImportPreviewDto;
  let result: ImportDto;

  beforeAll(async () => {
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { country: 'US' });
    const uploadId = await upload(core, 'clients.csv', fileBytes(csvText(LINES), 'utf-8-bom'));
    preview = await call(core, 'imports.preview', { uploadId });
    const started = await call(core, 'imports.start', {
      uploadId,
      encoding: preview.encoding,
      delimiter: preview.delimiter,
      hasHeader: true,
      mapping: preview.suggestedMapping,
      mergeRule: 'fill_empty',
      consent: DEFAULT_CONSENT,
      tags: ['Imported'],
    });
    result = await finished(core, started.id);
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it('previews the encoding, delimiter, headers, first rows and a mapping for every column', () => {
    expect(preview).toMatchObject({
      fileName: 'clients.csv',
      encoding: 'utf-8',
      encodingConfidence: 100,
      askEncoding: false,
      delimiter: ',',
      totalRows: 17,
    });
    expect(preview.headers).toEqual([...HEADER.split(','), 'Column 15', 'Column 16']);
    expect(preview.suggestedMapping).toEqual([
      'firstName', 'lastName', 'phone', 'email', 'birthday', 'clientSince', 'lastVisitAt', 'visitCount', 'totalSpent',
      'tags', 'notes', 'leadSource', 'zip', 'custom:Favourite Colour', 'ignore', 'ignore',
    ]);
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[2]).toEqual(['Cy', 'Diaz', "'4155552602", '', '', '', '', '', '', '', 'Line one\r\nLine two, with a comma', '', '', '']);
    expect(preview.rows[8]).toEqual(['Hal', 'Ives', '4155552605']);
    expect(preview.rows[9]).toHaveLength(16);
  });

  it('adds, merges and rejects exactly the rows it should', () => {
    expect(result).toMatchObject({
      status: 'completed',
      processed: 17,
      total: 17,
      summary: { added: 16, updated: 1, skipped: 0, rejected: 0, warnings: 8, merged: 1 },
      error: null,
    });
  });

  it('stores normalised values', async () => {
    const contacts = await contactsByName(core);
    expect([...contacts.keys()].sort()).toEqual([
      '=HYPERLINK("x")', 'Ana Lopez', 'Bo Chen', 'Cy Diaz', 'Dee Evans', 'Eve Fox', 'Fay Gold', 'Gus Hall', 'Hal Ives', 'Ida Jones',
      'Jo Kim', 'Kai Lee', 'Lu Ma', 'Mo Ng', 'Ned Oz', 'only-email@salon.dev',
    ]);
    // A client keeps every channel that could be read, and the values that could not are left empty.
    expect(contacts.get('Dee Evans')).toMatchObject({ phone: null, email: 'dee@salon.dev', consent: { sms: 'unknown', email: 'granted', push: 'unknown' } });
    expect(contacts.get('Fay Gold')).toMatchObject({ phone: '+14155552603', email: null, consent: { sms: 'granted', email: 'unknown', push: 'unknown' } });
    expect(contacts.get('Gus Hall')).toMatchObject({ phone: null, email: null, notes: 'Walk-in', consent: { sms: 'unknown', email: 'unknown', push: 'unknown' } });
    expect(contacts.get('Jo Kim')).toMatchObject({ phone: '+14155552607', birthday: null });
    expect(contacts.get('Ana Lopez')).toMatchObject({
      firstName: 'Ana',
      // fill_empty: the second Ana row only filled what the first left empty.
      lastName: 'Lopez',
      phone: '+14155552671',
      email: 'ana@salon.dev',
      birthday: '1990-04-23',
      clientSince: '2020-01-15',
      lastVisitAt: '2024-03-05',
      visitCount: 12,
      totalSpentCents: 123_450,
      notes: 'Likes tea',
      leadSource: 'Instagram',
      zip: '94110',
      customFields: { 'Favourite Colour': 'Teal' },
      tags: ['Color', 'Imported', 'New', 'VIP'],
      consent: { sms: 'granted', email: 'granted', push: 'unknown' },
    });
    expect(contacts.get('Bo Chen')).toMatchObject({ phone: '+14155552600', email: 'bo@salon.dev', birthday: '--07-04' });
    expect(contacts.get('Cy Diaz')).toMatchObject({
      phone: '+14155552602',
      email: null,
      notes: 'Line one\r\nLine two, with a comma',
      consent: { sms: 'granted', email: 'unknown', push: 'unknown' },
    });
    expect(contacts.get('=HYPERLINK("x")')).toMatchObject({ firstName: '=HYPERLINK("x")', lastName: null, phone: '+14155552604' });
    expect(contacts.get('Hal Ives')).toMatchObject({ phone: '+14155552605', email: null, tags: ['Imported'] });
    expect(contacts.get('Ida Jones')).toMatchObject({ phone: '+14155552606', customFields: {} });
    expect(contacts.get('Mo Ng')).toMatchObject({ email: 'mo@salon.dev', totalSpentCents: 1200 });
    expect(contacts.get('only-email@salon.dev')).toMatchObject({ firstName: null, phone: null, email: 'only-email@salon.dev' });
  });

  it('lists each row kept with a warning, with the line it starts on and the reason in words, in the result and a CSV', async () => {
    expect(parse((await call(core, 'imports.rejectedCsv', { id: result.id })).csv, { bom: true })).toHaveLength(1);
    const listed = await call(core, 'imports.rows', { id: result.id, kind: 'warning' });
    expect(listed.total).toBe(8);
    expect(listed.rows[0]).toEqual({
      line: 6,
      note: 'Mobile number not usable: 8.19E+11 was damaged by Excel; re-export the column as text.',
      contactId: null,
      contactName: null,
    });
    const { fileName, csv } = await call(core, 'imports.rejectedCsv', { id: result.id, kind: 'warning' });
    expect(fileName).toBe('clients-warnings.csv');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const records = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    expect(records[0]).toEqual(['Line', 'Warning', ...HEADER.split(','), 'Column 15', 'Column 16']);
    expect(records.slice(1).map(([line, reason]) => [line, reason])).toEqual([
      ['6', 'Mobile number not usable: 8.19E+11 was damaged by Excel; re-export the column as text.'],
      [
        '7',
        'Mobile number not usable: “555-0000” is not a valid phone number for United States. For a number from another country, start with + and its country code.',
      ],
      ['8', 'Email not usable: “not-an-email” is not a valid email address.'],
      ['10', 'No usable mobile number or email: the client was added, but cannot get messages until you add one.'],
      ['15', 'Birthday “2/30/1990” is not a real date.'],
      ['16', 'Visits “many” should be a whole number, like 12.'],
      ['17', 'Last visit “last week” is not a date we can read; write it like 2024-04-23.'],
      ['20', 'Total spent “free” is not an amount we can read; write it like 1234.50.'],
    ]);
    // The original cells follow, as read.
    expect(records[1]?.slice(2, 6)).toEqual(['Dee', 'Evans', '8.19E+11', 'dee@salon.dev']);
  });
});
