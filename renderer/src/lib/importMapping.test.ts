import { describe, expect, it } from 'vitest';
import type { ImportPreviewDto } from '../../../shared/imports';
import { checkMapping, customFieldNote, customTargetFor, previewTable, targetLabel, targetOptions } from './importMapping';

const preview: ImportPreviewDto = {
  uploadId: 'upload-1234',
  fileName: 'clients.csv',
  bytes: 100,
  encoding: 'utf-8',
  encodingConfidence: 100,
  askEncoding: false,
  candidates: ['utf-8'],
  delimiter: ';',
  headers: ['Name', 'Mobile', 'Stylist'],
  rows: [['Ana', '555', 'Maria']],
  totalRows: 1,
  suggestedMapping: ['name', 'phone', 'custom:Stylist'],
};

describe('matching columns', () => {
  it('labels targets in the owner’s words', () => {
    expect(targetLabel('totalSpent')).toBe('Total spent');
    expect(targetLabel('phone')).toBe('Mobile number');
    expect(targetLabel('ignore')).toBe('Don’t import');
    expect(targetLabel('custom:Stylist')).toBe('Keep as custom field “Stylist”');
  });

  it('offers each column as a custom field under a valid name', () => {
    expect(customTargetFor('Favourite stylist!', 3, 'name')).toBe('custom:Favourite stylist');
    expect(customTargetFor('***', 3, undefined)).toBe('custom:Column 4');
    expect(customTargetFor('Stylist', 2, 'custom:Stylist 2')).toBe('custom:Stylist 2');
    expect(targetOptions('Stylist', 2, 'custom:Stylist').slice(0, 2).map(({ value }) => value)).toEqual(['ignore', 'custom:Stylist']);
  });

  it('renames a column named like what every object inherits, and says why', () => {
    expect(customTargetFor('constructor', 3, undefined)).toBe('custom:constructor (column 4)');
    expect(customTargetFor(' __proto__ ', 0, undefined)).toBe('custom:__proto__ (column 1)');
    expect(customFieldNote('constructor', 3, 'custom:constructor (column 4)')).toBe(
      '“constructor” is a name the app keeps for itself, so this column is kept as “constructor (column 4)”.',
    );
    expect(customFieldNote('constructor', 3, 'ignore')).toBeNull();
    expect(customFieldNote('Stylist', 2, 'custom:Stylist')).toBeNull();
  });

  it('refuses two columns for one field, and a list nobody can be reached in', () => {
    const clash = checkMapping(['email', 'phone', 'email', 'tags', 'tags', 'ignore', 'ignore'], ['E-mail', 'Mobile', 'Mail']);
    expect(clash.columns.get(2)).toBe('“E-mail” already goes to Email. Pick one of the two.');
    expect(clash.columns.size).toBe(1);
    expect(clash.overall).toBeNull();
    expect(checkMapping(['name', 'notes'], ['Name', 'Notes']).overall).toMatch(/mobile number or the email/);
  });

  it('shows the first row as data or as column names, whichever the owner says', () => {
    expect(previewTable(preview, true)).toEqual({ headers: preview.headers, rows: preview.rows, totalRows: 1 });
    expect(previewTable(preview, false)).toEqual({
      headers: ['Column 1', 'Column 2', 'Column 3'],
      rows: [['Name', 'Mobile', 'Stylist'], ['Ana', '555', 'Maria']],
      totalRows: 2,
    });
  });
});
