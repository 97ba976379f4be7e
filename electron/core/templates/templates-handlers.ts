import type { Db } from '../../../db/open';
import { tokenIssues, type TemplateInput } from '../../../shared/templates';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import { ContactsRepository } from '../contacts/contacts-repository';
import { AppError, invalidInput, notFound } from '../errors';
import type { Handlers } from '../rpc/handlers';
import { TemplatesRepository } from './templates-repository';

const CHANNEL_WORDS = { sms: 'text', email: 'email', push: 'app notification' } as const;

export function templatesHandlers(
  db: Db,
  clock: Clock,
): Pick<Handlers, 'templates.list' | 'templates.get' | 'templates.save' | 'templates.delete'> {
  const repo = new TemplatesRepository(db);
  const contacts = new ContactsRepository(db);
  const getOrFail = (id: number) => {
    const template = repo.get(id);
    if (!template) throw notFound('That template');
    return template;
  };

  /** Refuse tokens no client field answers to, and a name another template of the channel has. */
  const check = (input: TemplateInput): void => {
    const issues = tokenIssues(input, contacts.customFieldKeys());
    if (issues.length > 0) throw invalidInput(issues);
    const clash = repo.withName(input.channel, input.name);
    if (clash && clash.id !== input.id) {
      const message = `There is already a ${CHANNEL_WORDS[input.channel]} template called “${clash.name}”.`;
      throw new AppError('duplicate', message, [{ path: 'name', message }]);
    }
  };

  const write = (input: TemplateInput, at: Date): number => {
    if (input.id === undefined) return repo.insert(input, at);
    if (!repo.update(input.id, input, at)) throw notFound('That template');
    return input.id;
  };

  return {
    'templates.list': ({ channel }) => repo.list(channel),
    'templates.get': ({ id }) => getOrFail(id),

    'templates.save': (input) =>
      db.transaction(() => {
        check(input);
        const at = clock.now();
        const id = write(input, at);
        recordAudit(db, at, 'template.saved', `template:${id}`, { name: input.name, channel: input.channel });
        return getOrFail(id);
      }),

    'templates.delete': ({ id }) =>
      db.transaction(() => {
        const { name } = getOrFail(id);
        repo.delete(id);
        recordAudit(db, clock.now(), 'template.deleted', `template:${id}`, { name });
        return { id };
      }),
  };
}
