// Readers for one cell of an import: the stored value, or a reason a salon owner can act on.
import { FIELD_LABELS } from '../../../shared/contacts';
import { isEmailAddress } from '../../../shared/email-address';
import { countryName, normalizePhone } from '../contacts/phone';
import { readBirthday, readDate, type DateContext } from './read-date';
import { readMoneyCents } from './read-money';

/** `note`: the value was read, but not quite as written (the owner is told in the import's warnings). */
export type CellResult<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** What Excel shows for a long number in a General column: the digits are lost, so never guess. */
const EXCEL_SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?E[+-]?\d+$/i;
const MAX_TAG_CHARS = 60;
const MAX_VISITS = 100_000;

export function readPhone(text: string, country: string): CellResult<string> {
  // Full-width digits become ASCII; spreadsheets keep a leading ' that forced the cell to text.
  const typed = text.normalize('NFKC').trim().replace(/^'/, '');
  if (EXCEL_SCIENTIFIC.test(typed)) {
    return fail(`Mobile number not usable: ${typed} was damaged by Excel; re-export the column as text.`);
  }
  const result = normalizePhone(typed, country);
  if (!result.ok) return fail(`Mobile number not usable: ${result.message}`);
  if (!result.region) return { ok: true, value: result.e164 };
  return { ok: true, value: result.e164, note: `Mobile number ${typed} is not a number of ${countryName(country)}: kept as ${result.e164}, a number of ${countryName(result.region)}.` };
}

/** Internationalised addresses (renée@exemple.fr) are addresses too: shared/email-address.ts. */
export function readEmail(text: string): CellResult<string> {
  const email = text.trim().toLowerCase();
  if (isEmailAddress(email)) return { ok: true, value: email };
  return fail(`Email not usable: “${text}” is not a valid email address.`);
}

export function readVisitCount(text: string): CellResult<number> {
  const count = Number.parseInt(text, 10);
  if (/^\d+(?:\.0+)?$/.test(text) && count <= MAX_VISITS) return { ok: true, value: count };
  return fail(`${FIELD_LABELS.visitCount} “${text}” should be a whole number, like 12.`);
}

export function readTotalSpent(text: string): CellResult<number> {
  const cents = readMoneyCents(text);
  if (cents !== undefined) return { ok: true, value: cents };
  return fail(`${FIELD_LABELS.totalSpentCents} “${text}” is not an amount we can read; write it like 1234.50.`);
}

/** 'birthday' allows a date without the year; the others need a full date. */
export function readDateCell(field: 'birthday' | 'clientSince' | 'lastVisitAt' | 'nextAppointmentAt', text: string, context: DateContext): CellResult<string> {
  const result = field === 'birthday' ? readBirthday(text, context) : readDate(text, context);
  if (result.ok) return result;
  const label = FIELD_LABELS[field];
  return fail(
    result.problem === 'impossible'
      ? `${label} “${text}” is not a real date.`
      : `${label} “${text}” is not a date we can read; write it like 2024-04-23.`,
  );
}

/** Tags split on , ; or |, without blanks. */
export function readTags(text: string): CellResult<string[]> {
  const tags = text
    .split(/[,;|]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  const tooLong = tags.find((tag) => tag.length > MAX_TAG_CHARS);
  return tooLong ? fail(`Tag “${tooLong}” is longer than ${MAX_TAG_CHARS} characters.`) : { ok: true, value: tags };
}

/** Free text, kept exactly as written (a leading = is data, not a formula), within `max` characters. */
export function readText(label: string, text: string, max: number): CellResult<string> {
  return text.length <= max ? { ok: true, value: text } : fail(`${label} is longer than ${max} characters.`);
}
