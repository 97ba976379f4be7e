import type { Consent, ConsentChannel } from '../../../shared/contacts';
import type { ContactDto } from '../../../shared/dto';
import type { ImportConsent, ImportSummaryDto, MergeRule } from '../../../shared/imports';
import { foldText } from '../../../shared/text-fold';
import { EMPTY_VALUES, splitBirthday, type ContactValues } from '../contacts/contact-values';
import { byIds, type ContactsRepository } from '../contacts/contacts-repository';
import type { ImportedFields } from './normalise-row';
import type { ImportStaging, UsableRow } from './staging';

export interface MergeChoices {
  fileName: string;
  mergeRule: MergeRule;
  consent: ImportConsent;
  /** Tags the owner gives every imported client. */
  tags: readonly string[];
}

/** Rows rejected here (their address belongs to another client) go to staging, not counted. */
export interface MergeResult extends Omit<ImportSummaryDto, 'rejected'> {
  /** Clients who had opted out of a channel the file grants: they stay opted out. */
  keptOptedOut: number;
}

type Match = { kind: 'new' } | { kind: 'existing'; contact: ContactDto } | { kind: 'conflict'; reason: string };

const { birthMonth: _m, birthDay: _d, birthYear: _y, customFields: _c, ...EMPTY_REST } = EMPTY_VALUES;
const EMPTY_FIELDS: ImportedFields = { ...EMPTY_REST, name: '', birthday: null };
const CHANNEL_ADDRESS = { sms: 'phone', email: 'email' } as const;
const BATCH_IDS = 2000;

/**
 * Merge an import's usable rows into contacts, in file order. Call inside one transaction.
 * A row matches a client by mobile number, else by email (so a row merges into an earlier row of the
 * same file too); the owner's rule decides what a match does. Two different mobile numbers with one
 * email are two people sharing an address: such a row is rejected rather than merged or duplicated.
 */
export function mergeRows(
  contacts: ContactsRepository,
  rows: readonly UsableRow[],
  staging: ImportStaging,
  importId: number,
  choices: MergeChoices,
  at: Date,
): MergeResult {
  const counts = { added: 0, updated: 0, skipped: 0 };
  const optedOut = new Set<number>();
  const source = `Import of ${choices.fileName}: ${choices.consent.source}`;
  const tags = new IdBatch<string>((name, ids) => contacts.addTag(byIds(ids), name));
  const newConsent = new IdBatch<ConsentChannel>((channel, ids) => contacts.logConsent(ids, channel, 'granted', source, at));

  /** The channels the owner says the file's clients agreed to, where this client has an address. */
  const grantedFor = (fields: ImportedFields) =>
    (['sms', 'email'] as const).filter((channel) => choices.consent[channel] === 'granted' && fields[CHANNEL_ADDRESS[channel]]);

  /** Insert or update the row's client; undefined when skipped or rejected. `consent` is set for an update. */
  const save = (row: UsableRow): { id: number; fields: ImportedFields; consent?: Consent } | undefined => {
    const match = findMatch(contacts, row.contact.fields);
    if (match.kind === 'conflict') {
      staging.reject(importId, [{ ...row, rejection: match.reason }]);
      return undefined;
    }
    if (match.kind === 'new') {
      const fields = { ...EMPTY_FIELDS, ...row.contact.fields };
      // A client without a name in the file is named after their email or number, which the owner can change.
      fields.name ||= fields.email ?? fields.phone ?? '';
      counts.added++;
      const granted = grantedFor(fields);
      const id = contacts.insert(toValues(fields, row.contact.customFields), at, granted);
      for (const channel of granted) newConsent.add(channel, id);
      return { id, fields };
    }
    if (choices.mergeRule === 'skip') {
      counts.skipped++;
      return undefined;
    }
    const { contact } = match;
    const fields = mergeFields(fieldsOf(contact), row.contact.fields, choices.mergeRule);
    const taken = addressTakenByOther(contacts, contact, fields);
    if (taken) {
      staging.reject(importId, [{ ...row, rejection: taken }]);
      return undefined;
    }
    const customFields =
      choices.mergeRule === 'overwrite'
        ? { ...contact.customFields, ...row.contact.customFields }
        : { ...row.contact.customFields, ...contact.customFields };
    contacts.update(contact.id, toValues(fields, customFields), at);
    counts.updated++;
    return { id: contact.id, fields, consent: contact.consent };
  };

  for (const row of rows) {
    const saved = save(row);
    if (!saved) continue;
    // A new client's consent was logged with the insert (in a batch); an existing one's is set here.
    for (const channel of saved.consent ? grantedFor(saved.fields) : []) {
      // Never turn an opt-out into consent: the client said no, whatever the list says.
      if (saved.consent?.[channel] === 'opted_out') optedOut.add(saved.id);
      else contacts.setConsent(saved.id, channel, 'granted', source, at);
    }
    for (const name of [...row.contact.tags, ...choices.tags]) tags.add(name, saved.id);
  }
  tags.flush();
  newConsent.flush();
  return { ...counts, keptOptedOut: optedOut.size };
}

/**
 * Collects contact ids under a key (a tag name, a consent channel) and writes each key's ids with one
 * statement per batch, while their rows are still in SQLite's page cache: a statement per contact
 * costs more than the insert itself, and one at the very end re-reads the whole table.
 * Keys are compared by their folded form (shared/text-fold.ts), as tag names are.
 */
class IdBatch<Key extends string> {
  private readonly pending = new Map<string, { key: Key; ids: number[] }>();
  private size = 0;

  constructor(private readonly write: (key: Key, ids: number[]) => void) {}

  add(key: Key, id: number): void {
    const folded = foldText(key);
    const entry = this.pending.get(folded) ?? { key, ids: [] };
    entry.ids.push(id);
    this.pending.set(folded, entry);
    if (++this.size >= BATCH_IDS) this.flush();
  }

  flush(): void {
    for (const { key, ids } of this.pending.values()) this.write(key, ids);
    this.pending.clear();
    this.size = 0;
  }
}

function findMatch(contacts: ContactsRepository, fields: Partial<ImportedFields>): Match {
  const byPhone = fields.phone ? contacts.findIdBy('phone', fields.phone) : undefined;
  if (byPhone !== undefined) return { kind: 'existing', contact: contactById(contacts, byPhone) };
  const byEmail = fields.email ? contacts.findIdBy('email', fields.email) : undefined;
  if (byEmail === undefined) return { kind: 'new' };
  const contact = contactById(contacts, byEmail);
  if (fields.phone && contact.phone) {
    return {
      kind: 'conflict',
      reason: `Email ${fields.email} already belongs to ${contact.name}, who has a different mobile number. One email can belong to one client only.`,
    };
  }
  return { kind: 'existing', contact };
}

function contactById(contacts: ContactsRepository, id: number): ContactDto {
  const contact = contacts.get(id);
  // The id was just found in the same transaction, so the contact is there.
  if (!contact) throw new Error(`contact ${id} vanished during an import merge`);
  return contact;
}

/** fill_empty: the file only fills what the client lacks. overwrite: the file's values win. */
function mergeFields(current: ImportedFields, incoming: Partial<ImportedFields>, rule: 'fill_empty' | 'overwrite'): ImportedFields {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(incoming)) {
    const empty = merged[key] === null || merged[key] === '';
    if (rule === 'overwrite' || empty) merged[key] = value;
  }
  return merged as ImportedFields;
}

/** Why the merged mobile number or email cannot be saved: another client holds it. */
function addressTakenByOther(contacts: ContactsRepository, contact: ContactDto, fields: ImportedFields): string | undefined {
  for (const field of ['phone', 'email'] as const) {
    const value = fields[field];
    if (!value || value === contact[field]) continue;
    const holder = contacts.findIdBy(field, value);
    if (holder === undefined) continue;
    const label = field === 'phone' ? 'Mobile number' : 'Email';
    const name = contacts.get(holder)?.name ?? 'another client';
    return `${label} ${value} already belongs to ${name}, and this row matches ${contact.name}. Fix one of them and import again.`;
  }
  return undefined;
}

function fieldsOf(contact: ContactDto): ImportedFields {
  const { id: _id, customFields: _c, tags: _t, consent: _consent, createdAt: _created, updatedAt: _updated, ...fields } = contact;
  return fields;
}

/** Field by field, so every contact's values have one shape (the merge's hot path). */
function toValues(fields: ImportedFields, customFields: Record<string, string>): ContactValues {
  return {
    name: fields.name,
    firstName: fields.firstName,
    lastName: fields.lastName,
    phone: fields.phone,
    email: fields.email,
    ...splitBirthday(fields.birthday),
    clientSince: fields.clientSince,
    lastVisitAt: fields.lastVisitAt,
    visitCount: fields.visitCount,
    totalSpentCents: fields.totalSpentCents,
    notes: fields.notes,
    leadSource: fields.leadSource,
    market: fields.market,
    product: fields.product,
    leadStatus: fields.leadStatus,
    state: fields.state,
    zip: fields.zip,
    conversationStatus: fields.conversationStatus,
    appointmentStatus: fields.appointmentStatus,
    customFields,
  };
}
