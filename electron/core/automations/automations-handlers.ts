// The Automations page: the ready-made automations, their wording and rules, the switch, a preview,
// their numbers and decisions, and a rehearsal on a simulated clock.
import type { AutomationEdit } from '../../../shared/automations';
import type { Db } from '../../../db/open';
import { filterContext } from '../audience/filter-context';
import { recordAudit } from '../audit/audit-log';
import { applyAction } from '../campaigns/lifecycle';
import type { Clock } from '../clock';
import type { ContactsRepository } from '../contacts/contacts-repository';
import { AppError, invalidInput, notFound } from '../errors';
import type { Handlers } from '../rpc/handlers';
import type { SettingsRepository } from '../settings/settings-repository';
import { automationStats } from './automation-stats';
import { automationDto, editOf, problemsOf, type AutomationsRepository } from './automations-repository';
import { automationHistory, clientAutomationLog } from './decisions';
import { previewAutomation } from './preview';
import { rehearseAutomation } from './rehearse';

type AutomationMethods =
  | 'automations.list'
  | 'automations.get'
  | 'automations.update'
  | 'automations.setEnabled'
  | 'automations.preview'
  | 'automations.stats'
  | 'automations.history'
  | 'contacts.automationLog'
  | 'automations.rehearse';

export interface AutomationsDeps {
  db: Db;
  automations: AutomationsRepository;
  contacts: ContactsRepository;
  settings: SettingsRepository;
  clock: Clock;
  /** An automation was turned on or changed: run it now rather than at the next minute. */
  changed: () => void;
}

export function automationsHandlers({ db, automations, contacts, settings, clock, changed }: AutomationsDeps): Pick<Handlers, AutomationMethods> {
  const sqlite = db.$client;
  const dto = (id: number) => automationDto(automations.row(id), contacts.customFieldKeys());
  const query = (id: number, edit?: AutomationEdit) => {
    const row = automations.row(id);
    return { automation: row, edit: edit ?? editOf(row) };
  };

  return {
    'automations.list': () => {
      const customFields = contacts.customFieldKeys();
      return automations.rows().map((row) => automationDto(row, customFields));
    },
    'automations.get': ({ id }) => dto(id),
    'automations.update': ({ id, automation }) => {
      const problems = problemsOf(automation, contacts.customFieldKeys());
      if (automations.row(id).enabled && problems.length > 0) {
        throw invalidInput(problems.map((message) => ({ path: '', message: `${message}, or turn the automation off first` })));
      }
      db.transaction(() => {
        automations.update(id, automation, clock.now());
        recordAudit(db, clock.now(), 'automation.updated', `automation:${id}`);
      });
      changed();
      return dto(id);
    },
    'automations.setEnabled': ({ id, enabled }) => {
      const problems = dto(id).problems;
      if (enabled && problems.length > 0) throw new AppError('conflict', `Before turning it on: ${problems.join('; ')}.`);
      const now = clock.now();
      db.transaction(() => {
        automations.setEnabled(id, enabled, filterContext(now, settings.get().timeZone).today, now);
        recordAudit(db, now, enabled ? 'automation.enabled' : 'automation.disabled', `automation:${id}`);
        // Off means nothing more goes out: what its runs still had waiting is cancelled.
        if (!enabled) for (const run of automations.unfinishedRuns(id)) applyAction(db, run, 'cancel', now);
      });
      changed();
      return dto(id);
    },
    'automations.preview': ({ id, automation }) => previewAutomation(sqlite, query(id, automation), settings.get().timeZone, clock.now()),
    'automations.stats': ({ id }) => {
      automations.row(id);
      const { timeZone, currency } = settings.get();
      return automationStats(sqlite, id, timeZone, currency);
    },
    'automations.history': ({ id, after, limit }) => {
      automations.row(id);
      return automationHistory(sqlite, id, after, limit);
    },
    'contacts.automationLog': ({ id }) => {
      if (sqlite.prepare('SELECT 1 FROM contacts WHERE id = ?').get(id) === undefined) throw notFound('That client');
      return clientAutomationLog(sqlite, id);
    },
    'automations.rehearse': ({ id, days }) => rehearseAutomation(sqlite, query(id), settings.get(), clock.now(), days),
  };
}
