// The contacts search box's rule, looser than the folding rule (shared/text-fold.ts) audiences use:
// accents and spaces do not count either, so "helene" finds "Hélène" and "佐藤美咲" finds "佐藤 美咲".
// Audience text conditions keep accents significant ("Élite" is not "Elite" there).
import { foldText } from './text-fold';

// The combining diacritical mark blocks only: the kana voicing marks (U+3099, U+309A) and the vowel
// signs of other scripts make a different letter, not an accented one, so they stay.
// eslint-disable-next-line no-misleading-character-class -- the class is of lone combining marks, by design
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const SPACES = /\s+/gu;

/** What a stored text and the search are compared by: folded, without accents or spaces. */
export function searchKey(text: string): string {
  return foldText(text).normalize('NFD').replace(DIACRITICS, '').replace(SPACES, '').normalize('NFC');
}

/** The words of a search, each as a search key; "Sato Misaki" → ["sato", "misaki"]. */
export function searchWords(search: string): string[] {
  return search.split(SPACES).map(searchKey).filter((word) => word !== '');
}
