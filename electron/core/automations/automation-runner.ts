import { DateTime } from 'luxon';
import type { AutomationEdit } from '../../../shared/automations';
import type { SettingsDto } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { addDays, filterContext } from '../audience/filter-context';
import { compileFilter } from '../audience/compile-filter';
import type { Clock } from '../clock';
import type { Outbox } from '../delivery/outbox';
import type { Logger } from '../log';
import type { SettingsRepository } from '../settings/settings-repository';
import { editOf, type AutomationRow, type AutomationsRepository } from './automations-repository';
import { decide } from './decide';
import { queueRunMessages } from './run-campaign';
import { triggerSql, type Candidate, type TriggerQuery } from './triggers';

/** How often the automations are looked at: each look is one indexed query per automation. */
const EVERY_MS = 60_000;
/** After the PC was off this long, older triggers are not looked at any more. */
const CATCH_UP_DAYS = 31;
/**
 * Clients decided per automation in one look (one transaction). More (Welcome after a large import)
 * are decided a second later, a batch at a time, so the engine's tick is never held for seconds.
 */
const BATCH = 2_000;
const NEXT_BATCH_MS = 1_000;

export interface RunnerParts {
  db: Db;
  automations: AutomationsRepository;
  settings: SettingsRepository;
  outbox: Outbox;
  clock: Clock;
  log: Logger;
}

/** Where an automation's look stands on the salon's clock. */
export interface Look {
  today: string;
  /** The salon days whose triggers are due now, inclusive; from > to when none. */
  from: string;
  to: string;
}

/**
 * Runs the enabled automations from the scheduler's tick, about once a minute: the database decides
 * who is due, and the enrolment ledger (UNIQUE automation, client, occasion) written in the same
 * transaction as the messages makes each occasion fire at most once, whatever the restarts and clocks.
 */
export class AutomationRunner {
  private nextLookAt = 0;

  constructor(private readonly parts: RunnerParts) {}

  /** Look now if a minute has passed since the last look; returns the runs that changed. */
  runIfDue(): number[] {
    const now = this.parts.clock.now();
    if (now.getTime() < this.nextLookAt) return [];
    this.nextLookAt = now.getTime() + EVERY_MS;
    return this.runAll(now);
  }

  /** Whether the last look left clients undecided (a batch was full): the next look comes sooner. */
  private moreToDecide(now: Date): void {
    this.nextLookAt = Math.min(this.nextLookAt, now.getTime() + NEXT_BATCH_MS);
  }

  /** Look at every enabled automation now (also when one was just turned on or changed). Never throws. */
  runAll(now: Date): number[] {
    const changed = new Set<number>();
    try {
      const settings = this.parts.settings.get();
      for (const id of this.parts.outbox.skipPassedBirthdays(filterContext(now, settings.timeZone).today, now)) changed.add(id);
      this.runEach(settings, now, changed);
    } catch (error) {
      // A busy database: the next look, a minute on, tries again.
      this.parts.log.error('running automations failed', { error: error instanceof Error ? error.stack : String(error) });
    }
    return [...changed];
  }

  private runEach(settings: SettingsDto, now: Date, changed: Set<number>): void {
    for (const automation of this.parts.automations.rows()) {
      if (!automation.enabled) continue;
      try {
        const run = this.evaluate(automation, settings, now);
        if (run !== undefined) changed.add(run);
      } catch (error) {
        // One automation that cannot run (a damaged filter...) fails alone; the others go on.
        this.parts.log.error('running an automation failed', { automation: automation.id, error: error instanceof Error ? error.stack : String(error) });
      }
    }
  }

  /** Decide every client now due for one automation, write the decisions and queue the messages, in one transaction. */
  private evaluate(automation: AutomationRow, settings: SettingsDto, now: Date): number | undefined {
    const look = lookAt(automation, settings.timeZone, now);
    // Welcome has no day of its own: it greets whoever was added since, once the send time has come.
    const nothingDue = automation.kind === 'welcome' ? look.to !== look.today : look.from > look.to;
    if (nothingDue) return undefined;
    const at = now.toISOString();
    const edit = editOf(automation);
    const sqlite = this.parts.db.$client;
    return this.parts.db.transaction(
      () => {
        const candidates = dueCandidates(sqlite, { automation, edit }, settings.timeZone, look, now, BATCH);
        const insert = sqlite.prepare(
          `INSERT INTO automation_enrolments (automation_id, contact_id, occasion, decided_at, outcome, reason)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
        );
        const enrolled: Array<{ contactId: number; enrolmentId: number }> = [];
        for (const candidate of candidates) {
          const decision = decide(candidate, { kind: automation.kind, edit, today: look.today });
          const reason = decision.outcome === 'skipped' ? decision.reason : null;
          const enrolmentId = insert.pluck().get(automation.id, candidate.contactId, candidate.occasion, at, decision.outcome, reason) as number | undefined;
          if (enrolmentId !== undefined && decision.outcome === 'sent') enrolled.push({ contactId: candidate.contactId, enrolmentId });
        }
        // A full batch may have left some: the days are looked at again, the ledger skipping those decided.
        if (candidates.length < BATCH) this.parts.automations.markEvaluated(automation.id, look.to);
        else this.moreToDecide(now);
        if (enrolled.length === 0) return undefined;
        const campaignId = queueRunMessages(sqlite, { automation, edit, runDate: look.today, contactIds: enrolled.map((e) => e.contactId), at });
        sqlite
          .prepare('UPDATE automation_enrolments SET campaign_id = ? WHERE id IN (SELECT value FROM json_each(?))')
          .run(campaignId, JSON.stringify(enrolled.map((e) => e.enrolmentId)));
        return campaignId;
      },
      { behavior: 'immediate' },
    );
  }
}

/**
 * The salon days to look at: from the day after the last look (or the day it was turned on) to today
 * once today's send time has come, else to yesterday; never more than a month back.
 */
function lookAt(automation: Pick<AutomationRow, 'sendTime' | 'evaluatedThrough' | 'enabledAt'>, zone: string, now: Date): Look {
  const local = DateTime.fromJSDate(now, { zone });
  const today = local.toISODate() ?? now.toISOString().slice(0, 10);
  const due = automation.sendTime === null || local.toFormat('HH:mm') >= automation.sendTime;
  const to = due ? today : addDays(today, -1);
  const enabledDay = automation.enabledAt ? filterContext(new Date(automation.enabledAt), zone).today : today;
  const afterLast = automation.evaluatedThrough ? addDays(automation.evaluatedThrough, 1) : enabledDay;
  const from = [afterLast, enabledDay, addDays(to, -CATCH_UP_DAYS)].reduce((a, b) => (a > b ? a : b));
  return { today, from, to };
}

/** Which automation to look at, with the wording and rules to apply (saved, or being edited). */
export interface DueQuery {
  automation: Pick<AutomationRow, 'id' | 'kind' | 'enabledAt'>;
  edit: AutomationEdit;
}

/** The clients due for the automation on the days of `look` and not yet decided for that occasion; `limit` -1: all. */
export function dueCandidates(sqlite: Db['$client'], { automation, edit }: DueQuery, zone: string, look: Look, now: Date, limit = -1): Candidate[] {
  const audience = compileFilter(edit.audience, filterContext(now, zone));
  const query: TriggerQuery = {
    kind: automation.kind,
    days: edit.days,
    from: look.from,
    to: look.to,
    addedSince: automation.enabledAt ?? now.toISOString(),
    addedUntil: new Date(now.getTime() - edit.days * 86_400_000).toISOString(),
  };
  const trigger = triggerSql(query, audience);
  return sqlite
    .prepare(
      `SELECT * FROM (${trigger.sql}) AS due WHERE NOT EXISTS (SELECT 1 FROM automation_enrolments e
         WHERE e.automation_id = ? AND e.contact_id = due.contactId AND e.occasion = due.occasion) ORDER BY due.triggerDay, due.contactId LIMIT ?`,
    )
    .all(...trigger.params, automation.id, limit) as Candidate[];
}
