import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Encoding } from '../../../shared/imports';

export interface EncodingGuess {
  encoding: Encoding;
  /** 0-100 */
  confidence: number;
  /** Not sure enough: the owner should pick among `candidates`. */
  askEncoding: boolean;
  candidates: Encoding[];
}

/** Below this chardet confidence the owner is asked to confirm the encoding. */
export const CONFIDENT = 80;
const SAMPLE_BYTES = 64 * 1024;
/** The single-byte and legacy encodings offered when the file is not Unicode. */
const LEGACY: Encoding[] = ['windows-1252', 'shift_jis'];
const CHARDET_NAMES: Record<string, Encoding> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'windows-1252': 'windows-1252',
  // Latin-1 files decode the same as Windows-1252 for every printable character.
  'ISO-8859-1': 'windows-1252',
  Shift_JIS: 'shift_jis',
};

/** Tell the file's encoding: a BOM, then UTF-16's NULs, then valid UTF-8, then chardet's best guess. */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const certain = (encoding: Encoding): EncodingGuess => ({ encoding, confidence: 100, askEncoding: false, candidates: [encoding] });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return certain('utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return certain('utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return certain('utf-16be');
  const utf16 = utf16ByNuls(bytes.subarray(0, 4096));
  if (utf16) return { ...certain(utf16), confidence: 90 };
  if (isValidUtf8(bytes)) return certain('utf-8');
  return guessLegacy(bytes.subarray(0, SAMPLE_BYTES));
}

/** The bytes as text in `encoding`, without a byte order mark, and without NULs (never part of a name or note). */
export function decodeText(bytes: Buffer, encoding: Encoding): string {
  return iconv.decode(bytes, encoding, { stripBOM: true }).replace(/\0/g, '');
}

/** Text in UTF-16 without a BOM has a NUL in every other byte for Latin letters, digits and punctuation. */
function utf16ByNuls(sample: Uint8Array): Encoding | undefined {
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return undefined;
  if (oddNuls / pairs > 0.3 && evenNuls / pairs < 0.05) return 'utf-16le';
  if (evenNuls / pairs > 0.3 && oddNuls / pairs < 0.05) return 'utf-16be';
  return undefined;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function guessLegacy(sample: Uint8Array): EncodingGuess {
  const ranked: Array<{ encoding: Encoding; confidence: number }> = [];
  for (const match of chardet.analyse(sample)) {
    const encoding = CHARDET_NAMES[match.name];
    // Not valid UTF-8 (checked before), so chardet's UTF-8 guesses do not count.
    if (encoding && encoding !== 'utf-8' && !ranked.some((r) => r.encoding === encoding)) {
      ranked.push({ encoding, confidence: match.confidence });
    }
  }
  const best = ranked[0] ?? { encoding: 'windows-1252', confidence: 0 };
  const candidates = [...new Set([...ranked.map((r) => r.encoding), ...LEGACY])];
  return { encoding: best.encoding, confidence: best.confidence, askEncoding: best.confidence < CONFIDENT, candidates };
}
