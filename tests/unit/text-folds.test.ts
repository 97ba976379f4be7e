import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TEXT_FIELDS } from '../../shared/audience';
import { foldText } from '../../shared/text-fold';
import { FOLDED_CONTACT_COLUMNS, nocaseFold } from '../../db/text-folds';
import { VALUE_COLUMNS } from '../../electron/core/contacts/contact-values';

// SQLite's LIKE reads text only up to a U+0000, which no client's text holds.
const anyText = fc.string({ unit: 'binary', maxLength: 12 }).map((text) => text.replaceAll('\u0000', ''));
const tricky = fc.constantFrom('Élite', 'e\u0301lite', 'STRASSE', 'Straße', 'ΣΟΦΟΣ', 'σοφος', 'İ', 'i\u0307', 'ﬁ', 'FI', 'Kelvin \u212a', 'kelvin k', '');
const text = fc.oneof(anyText, tricky);

describe('stored fold keys', () => {
  const sqlite = new Database(':memory:');
  afterAll(() => sqlite.close());

  it('exist for every text field an audience filters on', () => {
    for (const field of TEXT_FIELDS) expect(FOLDED_CONTACT_COLUMNS).toContain(VALUE_COLUMNS[field]);
    expect(Object.values(VALUE_COLUMNS)).toEqual(expect.arrayContaining([...FOLDED_CONTACT_COLUMNS]));
  });

  it('compare under NOCASE and LIKE exactly as the folded texts do, null where NOCASE is enough', () => {
    const equal = sqlite.prepare('SELECT COALESCE(?, ?) = ? COLLATE NOCASE').pluck();
    const contains = sqlite.prepare("SELECT COALESCE(?, ?) LIKE '%' || ? || '%' ESCAPE '\\'").pluck();
    const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
    fc.assert(
      fc.property(text, text, (stored, typed) => {
        const key = nocaseFold(stored);
        expect(equal.get(key, stored, foldText(typed))).toBe(foldText(stored) === foldText(typed) ? 1 : 0);
        expect(contains.get(key, stored, escape(foldText(typed)))).toBe(foldText(stored).includes(foldText(typed)) ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
    expect(nocaseFold('Regular')).toBeNull();
    expect(nocaseFold('Élite')).toBe('élite');
  });
});
