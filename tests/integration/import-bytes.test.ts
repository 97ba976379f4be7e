// Files whose bytes or lines trip a reader: rows with bytes that are not UTF-8 after a UTF-8 BOM, a
// file mixing CRLF with LF and CR, NULs, and files that are blank or too wide to match.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { contactsByName, importFile, upload } from '../support/csv-fixtures';
import { call, callFailing, createTestCore, tempDir } from '../support/test-core';

describe('importing files with awkward bytes and lines', () => {
  const dir = tempDir();
  let core: Core;

  beforeAll(async () => {
    core = createTestCore(dir.path);
    await call(core, 'settings.update', { country: 'US' });
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  it('rejects a row with bytes that are not UTF-8, naming its line, instead of storing “Caf�”', async () => {
    const bytes = Buffer.concat([
      Buffer.from('\ufeffName,Mobile,Notes\r\nAna Café,4155550101,ok\r\nBo Caf'),
      Buffer.from([0xe9]),
      Buffer.from(',4155550102,x\r\nCy \ufffd,4155550103,kept as typed\r\n'),
    ]);
    const result = await importFile(core, 'bad-bytes.csv', bytes);
    expect(result.summary).toMatchObject({ added: 2, updated: 0, skipped: 0, rejected: 1 });
    const contacts = await contactsByName(core);
    expect([...contacts.keys()].sort()).toEqual(['Ana Café', 'Cy \ufffd']);
    const { csv } = await call(core, 'imports.rejectedCsv', { id: result.id });
    const [, rejected] = parse(csv) as string[][];
    expect(rejected).toContain('3');
    expect(rejected?.some((cell) => cell.startsWith('The file has bytes that are not valid UTF-8 on line 3'))).toBe(true);
  });

  it('keeps every row of a file whose first line ends in CRLF and later ones in LF or CR, and strips NULs', async () => {
    const text = 'Name,Mobile\r\nDee,4155550201\nEve,4155550202\rFay\0,4155550203\r\nGus,4155550204';
    const result = await importFile(core, 'mixed.csv', Buffer.from(text));
    expect(result.summary).toMatchObject({ added: 4, rejected: 0 });
    const contacts = await contactsByName(core);
    expect(contacts.get('Eve')).toMatchObject({ phone: '+14155550202' });
    expect(contacts.get('Fay')).toMatchObject({ phone: '+14155550203' });
  });

  it('says in plain words that a file of blank lines has no clients, and that one of 600 columns is too wide', async () => {
    const blank = await upload(core, 'blank.csv', Buffer.from('\r\n\r\n  \r\n'));
    expect(await callFailing(core, 'imports.preview', { uploadId: blank })).toMatchObject({
      code: 'invalid_input',
      message: 'The file holds only blank lines: there are no clients in it to import.',
    });
    const header = Array.from({ length: 600 }, (_, i) => `Field ${i + 1}`).join(',');
    const wide = await upload(core, 'wide.csv', Buffer.from(`${header}\r\nAna,4155550301\r\n`));
    const error = await callFailing(core, 'imports.preview', { uploadId: wide });
    expect(error.message).toMatch(/^The file has 600 columns, more than the 500 an import can match\./);
  });
});
