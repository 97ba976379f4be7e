import { DELIMITERS, type Delimiter } from '../../../shared/imports';

const SAMPLE_LINES = 20;

/** Excel writes and honours a first line `sep=;` naming the delimiter. */
export function sepLineDelimiter(text: string): Delimiter | undefined {
  const match = /^sep=(.)[ \t]*(?:\r\n|\n|\r|$)/i.exec(text);
  return DELIMITERS.find((d) => d === match?.[1]);
}

/**
 * The delimiter that splits the first lines most consistently: the same number of times on every line
 * as on the first, and at least once. Ties go to the earlier of , ; tab |.
 */
export function detectDelimiter(text: string): Delimiter {
  const fromSepLine = sepLineDelimiter(text);
  if (fromSepLine) return fromSepLine;
  const lines = firstLines(text, SAMPLE_LINES);
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((n) => n === header).length / counts.length;
    // Consistency first; among equally consistent delimiters, the one that splits into more columns.
    const score = consistent * 1000 + Math.min(header, 999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Up to `max` non-empty lines, where a line break inside quotes does not end a line. */
function firstLines(text: string, max: number): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && lines.length < max; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if ((char === '\n' || char === '\r') && !inQuotes) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < max && start < text.length) lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === delimiter && !inQuotes) count++;
  }
  return count;
}
