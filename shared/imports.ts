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
  'nextAppointmentAt',
  'visitCount',
  'totalSpent',
  'tags',
  'notes',
  /** Each client's own answer for the channel, read through the consent value mapping. */
  'smsConsent',
  'emailConsent',
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

/** What a consent column's value means. `unknown`: it says nothing, so the file-wide choice applies. */
export const CONSENT_VALUE_MEANINGS = ['granted', 'opted_out', 'unknown'] as const;
export type ConsentValueMeaning = (typeof CONSENT_VALUE_MEANINGS)[number];
/** The owner's reading of each value found in the consent columns, keyed by consentValueKey(value). */
export const consentValuesSchema = z.record(z.string().max(200), z.enum(CONSENT_VALUE_MEANINGS)).refine((values) => Object.keys(values).length <= 500, {
  message: 'Too many different consent values: check the columns chosen for consent',
});

/**
 * Which name comes first in a full-name column: `auto` follows the name's script and the file's country
 * (Japanese, Chinese, Korean and Hungarian names put the family name first).
 */
export const NAME_ORDERS = ['auto', 'given_first', 'family_first'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

/** The kinds of row an import lists: left out, imported with a warning, merged into a client. */
export const IMPORT_ROW_KINDS = ['rejected', 'warning', 'merged'] as const;
export type ImportRowKind = (typeof IMPORT_ROW_KINDS)[number];

/** A row the import result lists: its line in the file, what happened, and the client it went into. */
export interface ImportRowNoteDto {
  line: number;
  note: string;
  contactId: number | null;
  contactName: string | null;
}

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
  /** Rows imported with a value left out or changed (each listed with its reason). */
  warnings?: number;
  /** Rows that went into a client already in the list or added from an earlier row of the file. */
  merged?: number;
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
  /** Run by the watched file's schedule (or its Run now), not by the owner's upload. */
  fromWatchedFile: boolean;
}
