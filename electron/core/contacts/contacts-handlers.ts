import { EVERYONE, type AudienceFilter } from '../../../shared/audience';
import type { MethodArgs } from '../../../shared/contract';
import type { ConsentChannel } from '../../../shared/contacts';
import type { InputIssue } from '../../../shared/errors';
import { isReservedName } from '../../../shared/reserved-names';
import type { Db } from '../../../db/open';
import { and, compileFilter, not } from '../audience/compile-filter';
import { filterContext } from '../audience/filter-context';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { ExportStore } from '../exports/export-store';
import { AppError, invalidInput, notFound } from '../errors';
import type { CoreEvents } from '../events';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { EMPTY_VALUES, splitBirthday, splitFullName, type ContactValues } from './contact-values';
import { byIds, ContactsRepository, matching, withTag } from './contacts-repository';
import { exportFileName, exportHeaders, exportRecords } from './export-columns';
import { normalizePhone } from './phone';

type ContactInput = Omit<MethodArgs<'contacts.update'>, 'id'>;
type Target = MethodArgs<'contacts.bulkTag'>['target'];

const CONSENT_LABEL = { sms: 'texts', email: 'emails', push: 'push notifications' } as const;

export function contactsHandlers(
  db: Db,
  settings: SettingsRepository,
  clock: Clock,
  events: CoreEvents,
  exports: ExportStore,
): Pick<
  Handlers,
  | 'contacts.list'
  | 'contacts.get'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.delete'
  | 'contacts.setConsent'
  | 'contacts.bulkTag'
  | 'contacts.bulkConsent'
  | 'contacts.export'
  | 'tags.list'
  | 'customFields.list'
> {
  const repo = new ContactsRepository(db);

  /** The owner's typing over `base` (a contact's current values), or every field that is wrong. */
  function toValues(input: ContactInput, base: ContactValues, exceptId?: number): ContactValues {
    const issues: InputIssue[] = [];
    const values: ContactValues = { ...base, customFields: { ...base.customFields, ...input.customFields } };
    for (const key of Object.keys(input) as Array<keyof ContactInput>) {
      if (key === 'phone' || key === 'email' || key === 'birthday' || key === 'customFields' || key === 'tags') continue;
      const value = input[key];
      if (value !== undefined) Object.assign(values, { [key]: value === '' ? null : value });
    }
    // A client saved with a full name but no first or last name gets them from it, for {{firstName}}.
    if (input.name !== undefined && !input.firstName && !input.lastName) Object.assign(values, splitFullName(input.name));
    if (input.birthday !== undefined) Object.assign(values, splitBirthday(input.birthday));
    if (input.email !== undefined) values.email = input.email || null;
    if (input.phone !== undefined) {
      const result = input.phone ? normalizePhone(input.phone, settings.get().country) : undefined;
      if (result && !result.ok) issues.push({ path: 'phone', message: result.message });
      values.phone = result?.ok ? result.e164 : null;
    }
    if (!values.phone && !values.email && issues.length === 0) {
      issues.push({ path: 'phone', message: 'Add a mobile number or an email address so you can reach this client.' });
    }
    if (issues.length > 0) throw invalidInput(issues);
    refuseDuplicate(values, exceptId);
    return values;
  }

  function refuseDuplicate(values: ContactValues, exceptId?: number): void {
    for (const field of ['phone', 'email'] as const) {
      const value = values[field];
      const holder = value ? repo.findIdBy(field, value) : undefined;
      if (holder === undefined || holder === exceptId) continue;
      const name = repo.get(holder)?.name ?? 'Another client';
      const message = `${name} already has this ${field === 'phone' ? 'mobile number' : 'email address'}.`;
      throw new AppError('duplicate', message, [{ path: field, message }]);
    }
  }

  const compile = (filter: AudienceFilter | undefined) =>
    compileFilter(filter ?? EVERYONE, filterContext(clock.now(), settings.get().timeZone));

  /** The list's search, filter and tag, as one condition. */
  const listed = (search: string, filter: AudienceFilter | undefined, tag: string | undefined) => {
    const where = matching(search, compile(filter));
    return tag === undefined ? where : and(where, withTag(tag));
  };

  /** The clients a bulk action is for. */
  const targeted = (target: Target) =>
    target.kind === 'ids' ? byIds(target.ids) : and(listed(target.search, target.filter, target.tag), not(byIds(target.except)));

  // A field stored under a reserved name before names were checked cannot be used: not offered.
  const customFieldKeys = () => repo.customFieldKeys().filter((key) => !isReservedName(key));

  const getOrFail = (id: number) => {
    const contact = repo.detail(id);
    if (!contact) throw notFound('That client');
    return contact;
  };

  return {
    'contacts.list': ({ search, filter, tag, sort, direction, limit, offset }) =>
      repo.list({ where: listed(search, filter, tag), sort, direction, limit, offset }),

    'contacts.get': ({ id }) => getOrFail(id),

    'contacts.create': ({ consent, tags, ...input }) =>
      db.transaction(() => {
        const at = clock.now();
        const values = toValues(input, { ...EMPTY_VALUES, name: input.name });
        const channels = (['sms', 'email'] as const).filter((channel) => consent[channel] === 'granted');
        const source = `Added by hand: agreed to ${channels.map((channel) => CONSENT_LABEL[channel]).join(' and ')}`;
        const id = repo.insert(values, at, channels);
        for (const channel of channels) repo.logConsent([id], channel, 'granted', source, at);
        if (tags) repo.setTags(id, tags);
        recordAudit(db, at, 'contact.created', `contact:${id}`);
        return getOrFail(id);
      }),

    'contacts.update': ({ id, tags, ...input }) =>
      db.transaction(() => {
        const current = repo.detail(id);
        if (!current) throw notFound('That client');
        const at = clock.now();
        const { birthday, tags: _tags, consent: _consent, id: _id, createdAt: _c, updatedAt: _u, consentHistory: _h, ...rest } = current;
        repo.update(id, toValues(input, { ...rest, ...splitBirthday(birthday) }, id), at);
        if (tags) repo.setTags(id, tags);
        recordAudit(db, at, 'contact.updated', `contact:${id}`);
        return getOrFail(id);
      }),

    'contacts.delete': ({ id }) =>
      db.transaction(() => {
        if (!repo.delete(id)) throw notFound('That client');
        recordAudit(db, clock.now(), 'contact.deleted', `contact:${id}`);
        return { id };
      }),

    'contacts.setConsent': ({ id, channel, status, reason }) =>
      db.transaction(() => {
        getOrFail(id);
        const at = clock.now();
        if (repo.setConsent(id, channel, status, `Changed by hand: ${reason}`, at)) {
          recordAudit(db, at, status === 'granted' ? 'consent.granted' : 'consent.opted_out', `contact:${id}`, { channel, reason });
        }
        return getOrFail(id);
      }),

    'contacts.bulkTag': ({ target, tag, action }) => {
      const where = targeted(target);
      const changed = db.transaction(() => {
        const count = action === 'add' ? repo.addTag(where, tag) : repo.removeTag(where, tag);
        recordAudit(db, clock.now(), action === 'add' ? 'tag.added' : 'tag.removed', `tag:${tag}`, { contacts: count });
        return count;
      });
      events.emit('contacts.changed', { reason: 'bulk' });
      return { changed };
    },

    'contacts.bulkConsent': ({ target, channel, status, reason }) => {
      const changed = db.transaction(() => {
        const at = clock.now();
        const count = repo.setConsentWhere(targeted(target), channel, status, bulkConsentSource(channel, status, reason), at);
        recordAudit(db, at, status === 'granted' ? 'consent.granted' : 'consent.opted_out', 'contacts:bulk', { channel, reason, contacts: count });
        return count;
      });
      events.emit('contacts.changed', { reason: 'bulk' });
      return { changed };
    },

    'contacts.export': async ({ target }) => {
      const keys = customFieldKeys();
      const records = exportRecords(repo.pagesWhere(targeted(target)), keys);
      const { fileId, rows } = await exports.write({ header: exportHeaders(keys), records });
      return { fileId, fileName: exportFileName(clock.now()), rows };
    },

    'tags.list': () => repo.tags(),
    'customFields.list': customFieldKeys,
  };
}

/** What the consent log says of a bulk change, beside the owner's reason. */
function bulkConsentSource(channel: ConsentChannel, status: 'granted' | 'opted_out', reason: string): string {
  return `Changed for many clients at once (${status === 'granted' ? 'agreed to' : 'opted out of'} ${CONSENT_LABEL[channel]}): ${reason}`;
}
