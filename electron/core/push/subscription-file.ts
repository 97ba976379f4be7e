// Subscriptions exported from the salon's website: a JSON array (PushSubscription.toJSON() plus the
// client's email, phone or contactId) or a CSV with the same fields as columns.
import { CsvError, parse, type Info } from 'csv-parse/sync';
import { z } from 'zod';
import { invalidInput, type AppError } from '../errors';
import { pushEndpointProblem, type PushEndpointRule } from './push-endpoint';

export type SubscriptionFileFormat = 'json' | 'csv';

/** A valid subscription of the file, with what names its client. */
export interface ParsedSubscription {
  /** 1-based: the CSV line (the header is line 1), or the position in the JSON array. */
  line: number;
  /** An https:// URL of a push service on the public internet. */
  endpoint: string;
  /** The browser's P-256 public key, base64url without padding. */
  p256dh: string;
  /** The browser's auth secret, base64url without padding. */
  auth: string;
  contactId: number | null;
  /** Lower-cased. */
  email: string | null;
  /** As written: only the salon's country turns it into E.164. */
  phone: string | null;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export interface ParsedSubscriptionFile {
  rows: ParsedSubscription[];
  invalid: RowProblem[];
}

type Field = 'endpoint' | 'p256dh' | 'auth' | 'email' | 'phone' | 'contactId';
const CLIENT_FIELDS = ['email', 'phone', 'contactId'] as const satisfies Field[];

/** A subscription as found in the file, not yet checked; `fields` is null when the entry is not an object. */
interface RawEntry {
  line: number;
  fields: Partial<Record<Field, unknown>> | null;
}

/** Throws invalid_input when the file as a whole cannot be read; a bad row only lands in `invalid`. */
export function parseSubscriptionFile(format: SubscriptionFileFormat, text: string, endpointRule: PushEndpointRule = {}): ParsedSubscriptionFile {
  const result: ParsedSubscriptionFile = { rows: [], invalid: [] };
  for (const entry of format === 'json' ? jsonEntries(text) : csvEntries(text)) {
    const checked = checkEntry(entry, endpointRule);
    if ('reason' in checked) result.invalid.push(checked);
    else result.rows.push(checked);
  }
  return result;
}

function fileProblem(message: string): AppError {
  return invalidInput([{ path: 'text', message }]);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonEntries(text: string): RawEntry[] {
  let list: unknown;
  try {
    list = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw fileProblem('The file is not valid JSON. Export the subscriptions again, or choose CSV if it is a spreadsheet.');
  }
  if (!Array.isArray(list)) throw fileProblem('The JSON file should hold a list of subscriptions: [ { "endpoint": ..., "keys": ... }, ... ].');
  return list.map((item: unknown, index) => {
    if (!isRecord(item)) return { line: index + 1, fields: null };
    // A browser's toJSON() nests the keys; some exports flatten them.
    const keys = isRecord(item.keys) ? item.keys : item;
    return {
      line: index + 1,
      fields: { endpoint: item.endpoint, p256dh: keys.p256dh, auth: keys.auth, email: item.email, phone: item.phone, contactId: item.contactId },
    };
  });
}

/** Header names compared without case or punctuation: "contact_id" and "keys.p256dh" are understood. */
const CSV_COLUMNS: Record<string, Field> = {
  endpoint: 'endpoint',
  p256dh: 'p256dh',
  keysp256dh: 'p256dh',
  auth: 'auth',
  keysauth: 'auth',
  email: 'email',
  phone: 'phone',
  contactid: 'contactId',
};

function csvEntries(text: string): RawEntry[] {
  let records: Array<{ record: string[]; info: Info }>;
  try {
    // csv-parse's types do not model `info: true`, which wraps each record with where it was read.
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw fileProblem('The file could not be read as CSV. Open it in a spreadsheet and save it again as CSV.');
  }
  const [header, ...rows] = records;
  const columns = (header?.record ?? []).map((name) => CSV_COLUMNS[name.toLowerCase().replace(/[^a-z0-9]/g, '')]);
  const missing: string[] = (['endpoint', 'p256dh', 'auth'] as const).filter((field) => !columns.includes(field));
  if (!CLIENT_FIELDS.some((field) => columns.includes(field))) missing.push('email, phone or contactId');
  if (missing.length > 0) {
    throw fileProblem(`The CSV has no ${missing.join(', ')} column. Its first row must name the columns endpoint, p256dh, auth and email, phone or contactId.`);
  }
  return rows.map(({ record, info }) => {
    const fields: RawEntry['fields'] = {};
    record.forEach((cell, index) => {
      const field = columns[index];
      if (field && fields[field] === undefined) fields[field] = cell;
    });
    // csv-parse counts the line a record ends on; a quoted line break inside it started it earlier.
    return { line: info.lines - (record.join('').match(/\r\n|\n|\r/g)?.length ?? 0), fields };
  });
}

/** A trimmed string, or null when absent or empty; numbers (a JSON phone or id) count as text. */
function text(value: unknown): string | null {
  const written = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return written === '' ? null : written;
}

/** Base64 in either alphabet, with or without padding; null when it is not base64. */
function base64Bytes(value: string): Buffer | null {
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : null;
}

const emailSchema = z.email();

function checkEntry({ line, fields }: RawEntry, endpointRule: PushEndpointRule): ParsedSubscription | RowProblem {
  if (!fields) return { line, reason: 'This entry is not a subscription (an object with endpoint and keys)' };
  const problems: string[] = [];
  const endpoint = text(fields.endpoint);
  const p256dh = text(fields.p256dh);
  const auth = text(fields.auth);
  const contactIdText = text(fields.contactId);
  const email = text(fields.email)?.toLowerCase() ?? null;
  const phone = text(fields.phone);

  if (!endpoint) problems.push('The endpoint is missing');
  else {
    const endpointProblem = pushEndpointProblem(endpoint, endpointRule);
    if (endpointProblem) problems.push(endpointProblem);
  }

  const publicKey = p256dh && base64Bytes(p256dh);
  if (!p256dh) problems.push('The p256dh key is missing');
  else if (publicKey?.length !== 65 || publicKey[0] !== 0x04) {
    problems.push('The p256dh key is not a browser public key (65 bytes in base64url, starting with 0x04)');
  }

  const authSecret = auth && base64Bytes(auth);
  if (!auth) problems.push('The auth secret is missing');
  else if (authSecret?.length !== 16) problems.push('The auth secret is not 16 bytes in base64url');

  const contactId = contactIdText === null ? null : Number(contactIdText);
  if (contactId !== null && !(Number.isSafeInteger(contactId) && contactId > 0)) {
    problems.push(`The contactId “${contactIdText}” is not a client number`);
  }
  if (email && !emailSchema.safeParse(email).success) problems.push(`“${email}” is not an email address`);
  if (contactIdText === null && !email && !phone) problems.push('There is no client to link it to: give an email, a phone or a contactId');

  if (problems.length > 0 || !endpoint || !publicKey || !authSecret) return { line, reason: problems.join('. ') };
  return { line, endpoint, p256dh: publicKey.toString('base64url'), auth: authSecret.toString('base64url'), contactId, email, phone };
}
