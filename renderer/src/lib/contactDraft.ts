// The client form's state, and how it turns into contacts.create / contacts.update input.
import type { MethodInput } from '../../../shared/contract';
import { BRIEF_FIELDS, type BriefField } from '../../../shared/contacts';
import type { ContactDto } from '../../../shared/dto';
import { formatPhone } from './format';
import { toCents } from './money';

export interface BirthdayDraft {
  /** '1'…'12', or '' when not known. */
  month: string;
  /** '1'…'31', or ''. */
  day: string;
  /** Four digits, or '' when the year is not known. */
  year: string;
}

/** A number field as Mantine's NumberInput gives it: a number, or text while empty or half typed. */
type NumberDraft = number | string;

export interface ContactDraft {
  name: string;
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  birthday: BirthdayDraft;
  clientSince: string;
  lastVisitAt: string;
  nextAppointmentAt: string;
  visitCount: NumberDraft;
  /** In the salon's currency, e.g. 125.5. */
  totalSpent: NumberDraft;
  notes: string;
  tags: string[];
  brief: Record<BriefField, string>;
  customFields: Record<string, string>;
  /** Only asked when adding a client; later changes go through opt-in / opt-out with a reason. */
  consent: { sms: boolean; email: boolean };
}

type ContactFields = Omit<MethodInput<'contacts.update'>, 'id'>;

/** '1990-04-23', or '--04-23' without the year (ISO 8601), as the core stores it. */
const BIRTHDAY = /^(?:(\d{4})-|--)(\d{2})-(\d{2})$/;

export function draftFrom(contact: ContactDto | null, country: string): ContactDraft {
  // Object.fromEntries cannot know every brief field is there; the map over BRIEF_FIELDS makes sure.
  const brief = Object.fromEntries(BRIEF_FIELDS.map((field) => [field, contact?.[field] ?? ''])) as Record<BriefField, string>;
  return {
    name: contact?.name ?? '',
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    phone: contact?.phone ? formatPhone(contact.phone, country) : '',
    email: contact?.email ?? '',
    birthday: birthdayDraft(contact?.birthday ?? null),
    clientSince: contact?.clientSince ?? '',
    lastVisitAt: contact?.lastVisitAt ?? '',
    nextAppointmentAt: contact?.nextAppointmentAt ?? '',
    visitCount: contact?.visitCount ?? '',
    totalSpent: contact?.totalSpentCents === null || contact?.totalSpentCents === undefined ? '' : contact.totalSpentCents / 100,
    notes: contact?.notes ?? '',
    tags: contact?.tags ?? [],
    brief,
    customFields: contact?.customFields ?? {},
    consent: { sms: false, email: false },
  };
}

function birthdayDraft(birthday: string | null): BirthdayDraft {
  const match = birthday ? BIRTHDAY.exec(birthday) : null;
  if (!match) return { month: '', day: '', year: '' };
  const [, year = '', month = '', day = ''] = match;
  return { month: String(Number(month)), day: String(Number(day)), year };
}

/** '1990-04-23', '--04-23' without the year, null when empty; 'incomplete' when only half is filled in. */
export function birthdayValue({ month, day, year }: BirthdayDraft): string | null | 'incomplete' {
  if (!month && !day && !year) return null;
  if (!month || !day) return 'incomplete';
  const monthDay = `${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return year.trim() ? `${year.trim()}-${monthDay}` : `--${monthDay}`;
}

const textOrNull = (text: string): string | null => text.trim() || null;
const numberOrNull = (value: NumberDraft): number | null => (typeof value === 'number' ? value : null);

/** Every field of the form, as the contract takes it. An incomplete birthday is left for the caller to flag. */
function toFields(draft: ContactDraft): ContactFields {
  const birthday = birthdayValue(draft.birthday);
  const totalSpent = numberOrNull(draft.totalSpent);
  const fields: ContactFields = {
    name: draft.name,
    firstName: textOrNull(draft.firstName),
    lastName: textOrNull(draft.lastName),
    phone: draft.phone,
    email: draft.email,
    birthday: birthday === 'incomplete' ? undefined : birthday,
    clientSince: textOrNull(draft.clientSince),
    lastVisitAt: textOrNull(draft.lastVisitAt),
    nextAppointmentAt: textOrNull(draft.nextAppointmentAt),
    visitCount: numberOrNull(draft.visitCount),
    totalSpentCents: totalSpent === null ? null : toCents(totalSpent),
    notes: textOrNull(draft.notes),
    tags: draft.tags,
    customFields: draft.customFields,
  };
  for (const field of BRIEF_FIELDS) fields[field] = textOrNull(draft.brief[field]);
  return fields;
}

export function toCreateInput(draft: ContactDraft): MethodInput<'contacts.create'> {
  const { name = '', customFields = {}, ...fields } = toFields(draft);
  const filledIn = Object.fromEntries(Object.entries(customFields).filter(([, value]) => value.trim() !== ''));
  const consent = (agreed: boolean) => (agreed ? 'granted' : 'unknown');
  return { ...fields, name, customFields: filledIn, consent: { sms: consent(draft.consent.sms), email: consent(draft.consent.email) } };
}

/** Only what the owner changed, so an edit never overwrites fields it did not touch. */
export function toUpdateInput(id: number, before: ContactDraft, after: ContactDraft): MethodInput<'contacts.update'> {
  const old = new Map(Object.entries(toFields(before)));
  const changed = Object.entries(toFields(after)).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(old.get(key)));
  return { id, ...Object.fromEntries(changed) };
}

/** What is wrong with a half-filled birthday, in words; null when it is fine (or empty). */
export function birthdayProblem(birthday: BirthdayDraft): string | null {
  if (birthdayValue(birthday) === 'incomplete') return 'Pick both the month and the day, or leave the birthday empty.';
  if (birthday.year !== '' && !/^\d{4}$/.test(birthday.year)) return 'Write the year with four digits, e.g. 1990, or leave it empty.';
  return null;
}
