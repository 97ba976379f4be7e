// Importing a client list from a CSV file: what the owner chooses and what the core reports back.
import { z } from 'zod';
import { BRIEF_FIELDS, customFieldKey } from './contacts';

/** Where a CSV column goes. `custom:<key>` keeps it as a custom field; `ignore` drops it. */
export const IMPORT_TARGETS = [
  'ignore',
  'name',
  'firstName',
  'lastName',
  'phone',
  'email',
  'birthday',
  'clientSince',
  'lastVisitAt',
  'visitCount',
  'totalSpent',
  'tags',
  'notes',
  ...BRIEF_FIELDS,
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number] | `custom:${string}`;

export const importTargetSchema = z.union([
  z.enum(IMPORT_TARGETS),
  z.templateLiteral(['custom:', z.string()]).refine((t) => customFieldKey.safeParse(t.slice('custom:'.length)).success, {
    message: 'That custom field name is not valid',
  }),
]);

/** The most columns a file may have: a mapping is one target per column, and the contract takes this many. */
export const MAX_IMPORT_COLUMNS = 500;

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'shift_jis'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How rows that match an existing client (by mobile number, then email) are merged. */
export const MERGE_RULES = ['fill_empty', 'overwrite', 'skip'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

/** What the owner states the file's clients agreed to, per channel. */
export const importConsentSchema = z
  .object({
    sms: z.enum(['granted', 'unknown']),
    email: z.enum(['granted', 'unknown']),
    /** In the owner's words, e.g. "Agreed to texts at booking (Fresha)". Kept in the consent log. */
    source: z.string().trim().min(3, 'Say where the consent comes from').max(200),
  })
  .strict();
export type ImportConsent = z.infer<typeof importConsentSchema>;

export interface ImportPreviewDto {
  uploadId: string;
  fileName: string;
  bytes: number;
  encoding: Encoding;
  /** 0-100. Below the threshold the UI asks the owner to confirm the encoding. */
  encodingConfidence: number;
  /** True when the encoding could not be told with confidence: ask, showing `candidates`. */
  askEncoding: boolean;
  candidates: Encoding[];
  delimiter: Delimiter;
  /** The header row as read (or "Column 1", ... when there is none). */
  headers: string[];
  /** The first rows, as text, for the preview table. */
  rows: string[][];
  /** Data rows in the file (excluding the header). */
  totalRows: number;
  /** One suggested target per column, by header name. */
  suggestedMapping: ImportTarget[];
  /** The booking system whose export the columns look like, e.g. "Square". */
  layout?: string;
}

export type ImportStatus = 'running' | 'completed' | 'cancelled' | 'failed';

export interface ImportSummaryDto {
  added: number;
  updated: number;
  skipped: number;
  rejected: number;
}

export interface ImportDto {
  id: number;
  fileName: string;
  status: ImportStatus;
  processed: number;
  total: number;
  summary: ImportSummaryDto | null;
  /** Why it failed, in words, when status is failed. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}
