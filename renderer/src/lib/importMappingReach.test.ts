import { describe, expect, it } from 'vitest';
import { UNREACHABLE_MAPPING_MESSAGE } from '../../../shared/import-reach';
import { checkMapping, layoutNote, nextBlockedBy } from './importMapping';

describe('the way on from matching columns', () => {
  it('is closed, saying why, when no column holds a mobile number or an email', () => {
    const check = checkMapping(['name', 'firstName', 'custom:Portable'], ['Nom', 'Prénom', 'Portable']);
    expect(check.overall).toBe(UNREACHABLE_MAPPING_MESSAGE);
    expect(nextBlockedBy(check)).toBe(UNREACHABLE_MAPPING_MESSAGE);
  });

  it('is closed while two columns go to one field, and open once the mapping can reach clients', () => {
    expect(nextBlockedBy(checkMapping(['phone', 'phone', 'email'], ['Mobile', 'Phone', 'Email']))).toMatch(/^Two columns go to the same field/);
    expect(nextBlockedBy(checkMapping(['name', 'email'], ['Name', 'Email']))).toBeNull();
  });
});

describe('layoutNote', () => {
  it('says which booking system the file came from, when the core knows it', () => {
    expect(layoutNote({ layout: 'Square customer export' })).toBe('Looks like a Square customer export: its columns are matched for you on the next step.');
    expect(layoutNote({})).toBeNull();
  });
});
