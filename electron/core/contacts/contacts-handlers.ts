import type { MethodArgs } from '../../../shared/contract';
import type { InputIssue } from '../../../shared/errors';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import { AppError, invalidInput, notFound } from '../errors';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { ContactsRepository, type ContactValues } from './contacts-repository';
import { normalizePhone } from './phone';

type ContactFields = MethodArgs<'contacts.create'>;

export function contactsHandlers(
  db: Db,
  settings: SettingsRepository,
  clock: Clock,
): Pick<Handlers, 'contacts.list' | 'contacts.create' | 'contacts.update' | 'contacts.delete'> {
  const repo = new ContactsRepository(db);

  /** Turn the owner's typing into stored values, or explain every field that is wrong. */
  function toValues(fields: ContactFields, exceptId?: number): ContactValues {
    const issues: InputIssue[] = [];
    let phone: string | null = null;
    if (fields.phone) {
      const result = normalizePhone(fields.phone, settings.get().country);
      if (result.ok) phone = result.e164;
      else issues.push({ path: 'phone', message: result.message });
    }
    const email = fields.email || null;
    if (!fields.phone && !email) {
      issues.push({ path: 'phone', message: 'Add a mobile number or an email address so you can reach this client.' });
    }
    if (issues.length > 0) throw invalidInput(issues);
    const values = { name: fields.name, phone, email };
    const clash = repo.findClash(values, exceptId);
    if (clash) {
      const what = clash.field === 'phone' ? 'mobile number' : 'email address';
      throw new AppError('duplicate', `${clash.contact.name} already has this ${what}.`, [
        { path: clash.field, message: `${clash.contact.name} already has this ${what}.` },
      ]);
    }
    return values;
  }

  return {
    'contacts.list': ({ search, limit, offset }) => repo.list(search, limit, offset),

    'contacts.create': (fields) =>
      db.transaction(() => {
        const at = clock.now();
        const contact = repo.insert(toValues(fields), at);
        recordAudit(db, at, 'contact.created', `contact:${contact.id}`);
        return contact;
      }),

    'contacts.update': ({ id, ...fields }) =>
      db.transaction(() => {
        if (!repo.get(id)) throw notFound('That client');
        const at = clock.now();
        const contact = repo.update(id, toValues(fields, id), at);
        if (!contact) throw notFound('That client');
        recordAudit(db, at, 'contact.updated', `contact:${id}`);
        return contact;
      }),

    'contacts.delete': ({ id }) =>
      db.transaction(() => {
        if (!repo.delete(id)) throw notFound('That client');
        recordAudit(db, clock.now(), 'contact.deleted', `contact:${id}`);
        return { id };
      }),
  };
}
