// Bringing in the website's notification sign-ups: which format a file or pasted text is in, and the
// rows that could not be used, in lines the owner can look up.
import type { SubscriptionImportDto } from '../../../shared/sending';

export type SubscriptionFormat = 'json' | 'csv';

/** By the file's name when it says; otherwise JSON starts with [ or {, anything else is read as CSV. */
export function detectFormat(text: string, fileName?: string): SubscriptionFormat {
  const extension = fileName?.toLowerCase().match(/\.(json|csv)$/)?.[1];
  if (extension === 'json' || extension === 'csv') return extension;
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'csv';
}

export interface ProblemList {
  /** "Line 4: no client has the email ana@x.com" */
  lines: string[];
  /** Problems not listed, to keep the list short. */
  more: number;
}

/** The first `max` problems as lines; JSON entries are counted, CSV lines numbered from the header. */
export function problemLines(problems: SubscriptionImportDto['unmatched'], format: SubscriptionFormat, max = 10): ProblemList {
  const where = format === 'json' ? 'Entry' : 'Line';
  return {
    lines: problems.slice(0, max).map(({ line, reason }) => `${where} ${line}: ${reason}`),
    more: Math.max(0, problems.length - max),
  };
}

/** "3 sign-ups linked to clients." and what was left out, in one sentence. */
export function importSummary(result: SubscriptionImportDto): string {
  const linked =
    result.linked === 0
      ? 'No sign-up was linked to a client.'
      : result.linked === 1
        ? '1 sign-up was linked to its client.'
        : `${result.linked.toLocaleString('en-US')} sign-ups were linked to their clients.`;
  const left = result.unmatched.length + result.invalid.length;
  if (left === 0) return linked;
  return `${linked} ${left === 1 ? '1 row was' : `${left.toLocaleString('en-US')} rows were`} left out: see below.`;
}
