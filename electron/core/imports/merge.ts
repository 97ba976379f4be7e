import type { Consent, ConsentChannel, ConsentStatus } from '../../../shared/contacts';
import type { ContactDto } from '../../../shared/dto';
import type { ImportConsent, ImportSummaryDto, MergeRule } from '../../../shared/imports';
import { foldText } from '../../../shared/text-fold';
import { EMPTY_VALUES, splitBirthday, type ContactValues } from '../contacts/contact-values';
import { byIds, type ContactsRepository } from '../contacts/contacts-repository';
import type { ImportedFields } from './normalise-row';
import type { ImportStaging, NotedRow, UsableRow } from './staging';

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
/** `said`: the client's answer as the file wrote it; null when the owner's choice for the whole file decides. */
type Decision = { channel: 'sms' | 'email'; status: Exclude<ConsentStatus, 'unknown'>; said: string | null };

const { birthMonth: _m, birthDay: _d, birthYear: _y, customFields: _c, ...EMPTY_REST } = EMPTY_VALUES;
const EMPTY_FIELDS: ImportedFields = { ...EMPTY_REST, name: '', birthday: null };
const CHANNEL_ADDRESS = { sms: 'phone', email: 'email' } as const;
const CHANNELS = ['sms', 'email'] as const;
const BATCH_IDS = 2000;

/**
 * Merge an import's usable rows into contacts, in file order. Call inside one transaction.
 * A row matches a client by mobile number, else by email (so a row merges into an earlier row of the
 * same file too), and a row with neither by its exact name among clients with neither; the owner's rule
 * decides what a match does, and each match is listed with the client it went into. Two different
 * mobile numbers with one email are two people sharing an address: such a row is rejected rather than
 * merged or duplicated.
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
  const tags = new KeyedBatch<string, number>((name, ids) => contacts.addTag(byIds(ids), name));
  const fileWide = { beforeLine: `Import of ${choices.fileName}, line `, afterLine: `: ${choices.consent.source}` };
  /** Every consent change names the file and the line it came from. */
  const sourceOf = (line: number, said: string | null) =>
    `${fileWide.beforeLine}${line}${said === null ? fileWide.afterLine : `: the file says “${said}”`}`;
  const newConsent = new KeyedBatch<ConsentChannel, readonly [number, number]>((channel, entries) =>
    contacts.logConsentByLine(entries, channel, 'granted', fileWide, at),
  );
  /** Contacts added by this import, with the line that added them. */
  const addedBy = new Map<number, number>();
  const merged: NotedRow[] = [];

  /** Set each consent the row decides on an existing client; a file never turns an opt-out into consent. */
  const applyConsent = (id: number, line: number, current: Consent, decisions: readonly Decision[]) => {
    for (const { channel, status, said } of decisions) {
      if (status === 'granted' && current[channel] === 'opted_out') optedOut.add(id);
      else contacts.setConsent(id, channel, status, sourceOf(line, said), at);
    }
  };

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
      const decisions = consentDecisions(row, fields, choices);
      const granted = decisions.filter((decision) => decision.status === 'granted');
      const id = contacts.insert(toValues(fields, row.contact.customFields), at, granted.map((decision) => decision.channel));
      for (const { channel, status, said } of decisions) {
        if (status === 'opted_out') contacts.setConsent(id, channel, status, sourceOf(row.line, said), at);
        else if (said === null) newConsent.add(channel, [id, row.line]);
        else contacts.logConsent([id], channel, status, sourceOf(row.line, said), at);
      }
      addedBy.set(id, row.line);
      return { id, fields };
    }
    const { contact } = match;
    if (choices.mergeRule === 'skip') {
      counts.skipped++;
      merged.push({ ...row, contactId: contact.id, note: mergeNote(contact, addedBy.get(contact.id), true) });
      // The details are left alone, but a client who says no in the file is not written to again.
      const optOuts = consentDecisions(row, fieldsOf(contact), choices).filter((decision) => decision.status === 'opted_out');
      applyConsent(contact.id, row.line, contact.consent, optOuts);
      return undefined;
    }
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
    merged.push({ ...row, contactId: contact.id, note: mergeNote(contact, addedBy.get(contact.id), false) });
    return { id: contact.id, fields, consent: contact.consent };
  };

  for (const row of rows) {
    const saved = save(row);
    if (!saved) continue;
    // A new client's consent was set with the insert; an existing one's is set here.
    if (saved.consent) applyConsent(saved.id, row.line, saved.consent, consentDecisions(row, saved.fields, choices));
    for (const name of [...row.contact.tags, ...choices.tags]) tags.add(name, saved.id);
  }
  tags.flush();
  newConsent.flush();
  staging.note(importId, 'merged', merged);
  return { ...counts, keptOptedOut: optedOut.size };
}

/**
 * What the row says of each channel: the client's own answer in a consent column first (an opt-out
 * always counts; consent needs an address to count), else the owner's choice for the whole file.
 */
function consentDecisions(row: UsableRow, fields: ImportedFields, choices: MergeChoices): Decision[] {
  const decisions: Decision[] = [];
  for (const channel of CHANNELS) {
    const own = row.contact.consent?.[channel];
    if (own?.status === 'opted_out') decisions.push({ channel, status: 'opted_out', said: own.written });
    else if (!fields[CHANNEL_ADDRESS[channel]]) continue;
    else if (own) decisions.push({ channel, status: 'granted', said: own.written });
    else if (choices.consent[channel] === 'granted') decisions.push({ channel, status: 'granted', said: null });
  }
  return decisions;
}

/** The line of this file that added the client, when it was one; else the client was already in the list. */
function mergeNote(contact: ContactDto, addedByLine: number | undefined, skipped: boolean): string {
  const who = `${contact.name} (client #${contact.id})`;
  const origin = addedByLine === undefined ? 'already in your list' : `added from line ${addedByLine} of this file`;
  return skipped ? `Skipped: same client as ${who}, ${origin}.` : `Merged into ${who}, ${origin}.`;
}

/**
 * Collects contact ids (or id and source pairs) under a key (a tag name, a consent channel) and writes
 * each key's items with one statement per batch, while their rows are still in SQLite's page cache: a
 * statement per contact costs more than the insert itself, and one at the very end re-reads the whole
 * table. Keys are compared by their folded form (shared/text-fold.ts), as tag names are.
 */
class KeyedBatch<Key extends string, Item> {
  private readonly pending = new Map<string, { key: Key; items: Item[] }>();
  private size = 0;

  constructor(private readonly write: (key: Key, items: Item[]) => void) {}

  add(key: Key, item: Item): void {
    const folded = foldText(key);
    const entry = this.pending.get(folded) ?? { key, items: [] };
    entry.items.push(item);
    this.pending.set(folded, entry);
    if (++this.size >= BATCH_IDS) this.flush();
  }

  flush(): void {
    for (const { key, items } of this.pending.values()) this.write(key, items);
    this.pending.clear();
    this.size = 0;
  }
}

function findMatch(contacts: ContactsRepository, fields: Partial<ImportedFields>): Match {
  if (!fields.phone && !fields.email) {
    // A row with a name alone (its address unusable) is the same client as one added so by an earlier import.
    const byName = fields.name ? contacts.findUnreachableByName(fields.name) : undefined;
    return byName === undefined ? { kind: 'new' } : { kind: 'existing', contact: contactById(contacts, byName) };
  }
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
  const { id: _id, customFields: _c, tags: _t, consent: _consent, createdAt: _created, updatedAt: _updated, emailNote: _note, ...fields } = contact;
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
    nextAppointmentAt: fields.nextAppointmentAt,
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
