// How many SMS segments a text costs: GSM-7 160 / 153 per segment, UCS-2 70 / 67.
// Shared so the composer's live count and the core's cost estimate are the same numbers.

/** The longest text we send: ten segments, as carriers advise. */
export const SMS_MAX_CHARS = 1600;

/** GSM 03.38 basic character set (one septet each). */
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
/** GSM 03.38 extension table: an escape plus the character, two septets each. */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Characters that cost two septets in GSM-7 (e.g. € [ ]). */
  doubleCost: string[];
  /** Characters that force the whole text into UCS-2 (emoji, curly quotes, most accents). */
  forcesUnicode: string[];
}

const LIMITS: Record<SmsEncoding, { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

export function countSmsSegments(text: string): SmsSegments {
  // Most texts are plain GSM-7 characters: count those without building per-character arrays, as the
  // cost estimate renders every recipient's text.
  if (isBasicGsm(text)) {
    const units = text.length;
    return { encoding: 'GSM-7', segments: units === 0 ? 0 : units <= 160 ? 1 : Math.ceil(units / 153), units, doubleCost: [], forcesUnicode: [] };
  }
  const characters = [...text];
  const forcesUnicode = unique(characters.filter((c) => !GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)));
  const encoding: SmsEncoding = forcesUnicode.length > 0 ? 'UCS-2' : 'GSM-7';
  // Each character's cost; in a long text a character never straddles two segments.
  const costs = characters.map((c) => (encoding === 'UCS-2' ? c.length : GSM_EXTENSION.has(c) ? 2 : 1));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  return {
    encoding,
    segments: segmentsFor(costs, units, LIMITS[encoding]),
    units,
    doubleCost: encoding === 'GSM-7' ? unique(characters.filter((c) => GSM_EXTENSION.has(c))) : [],
    forcesUnicode,
  };
}

function segmentsFor(costs: number[], units: number, limit: { single: number; multi: number }): number {
  if (units === 0) return 0;
  if (units <= limit.single) return 1;
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limit.multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return segments;
}

function isBasicGsm(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!GSM_BASIC.has(text.charAt(i))) return false;
  }
  return true;
}

function unique(characters: string[]): string[] {
  return [...new Set(characters)];
}
