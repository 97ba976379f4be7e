// The one rule by which text is compared without regard to case or how it was typed: Unicode's
// canonical caseless match (NFD, full case folding, then NFC so the stored key stays compact).
// "Élite" and "élite", "STRASSE" and "straße", "ΣΟΦΟΣ" and "σοφος", "e" + U+0301 and "é" each fold alike.
// Tags, audience text conditions and the contacts search all compare folded keys, in SQL and in JS.
import { CASE_FOLDING, CASE_FOLDING_UNICODE_VERSION } from './case-folding-data';

/**
 * Names the rule and its data. Stored keys were folded under some version: when this changes, the core
 * folds every stored value again when it opens the database.
 */
export const TEXT_FOLD_VERSION = `nfc-full-casefold-${CASE_FOLDING_UNICODE_VERSION}`;

const FOLDINGS: ReadonlyMap<string, string> = new Map(
  CASE_FOLDING.split(';').map((entry) => {
    const [from = '', to = ''] = entry.split(':');
    return [String.fromCodePoint(parseInt(from, 16)), String.fromCodePoint(...to.split(' ').map((hex) => parseInt(hex, 16)))];
  }),
);

// eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
const NON_ASCII = /[^\u0000-\u007f]/;

/** The key `text` is compared by. */
export function foldText(text: string): string {
  // ASCII needs neither normalisation nor more than A-Z to a-z, and is most of what salons type.
  if (isAscii(text)) return text.toLowerCase();
  let folded = '';
  for (const char of text.normalize('NFD')) folded += FOLDINGS.get(char) ?? char;
  return folded.normalize('NFC');
}

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}
