import { eq } from 'drizzle-orm';
import {
  AUTOMATION_DAYS_MEANING,
  AUTOMATION_KINDS,
  type AutomationDto,
  type AutomationEdit,
  type AutomationKind,
} from '../../../shared/automations';
import { audienceFilterSchema } from '../../../shared/audience';
import { checkTemplate } from '../../../shared/personalise';
import type { Db } from '../../../db/open';
import { automations } from '../../../db/schema';
import { addDays } from '../audience/filter-context';
import { notFound } from '../errors';
import { READY_MADE } from './ready-made';

export type AutomationRow = typeof automations.$inferSelect;

/** The owner's automations: the five ready-made ones, created on first use, with the owner's changes. */
export class AutomationsRepository {
  constructor(private readonly db: Db) {}

  /** Add any ready-made automation not there yet (a new install, or a kind added by an update). */
  ensureReadyMade(at: Date): void {
    for (const kind of AUTOMATION_KINDS) {
      this.db
        .insert(automations)
        .values({ kind, ...editColumns(READY_MADE[kind]), enabled: false, updatedAt: at.toISOString() })
        .onConflictDoNothing({ target: automations.kind })
        .run();
    }
  }

  rows(): AutomationRow[] {
    return this.db.select().from(automations).orderBy(automations.id).all();
  }

  row(id: number): AutomationRow {
    const row = this.db.select().from(automations).where(eq(automations.id, id)).get();
    if (!row) throw notFound('That automation');
    return row;
  }

  update(id: number, edit: AutomationEdit, at: Date): void {
    this.row(id);
    this.db
      .update(automations)
      .set({ ...editColumns(edit), updatedAt: at.toISOString() })
      .where(eq(automations.id, id))
      .run();
  }

  /**
   * Turning on starts the triggers from today: nothing already past is sent by surprise. Turning off
   * keeps the ledger, so turning on again never repeats an occasion already handled.
   */
  setEnabled(id: number, enabled: boolean, salonToday: string, at: Date): void {
    const row = this.row(id);
    if (row.enabled === enabled) return;
    this.db
      .update(automations)
      .set(
        enabled
          ? { enabled, enabledAt: at.toISOString(), evaluatedThrough: addDays(salonToday, -1), updatedAt: at.toISOString() }
          : { enabled, updatedAt: at.toISOString() },
      )
      .where(eq(automations.id, id))
      .run();
  }

  /** Its runs with messages that may still go out. */
  unfinishedRuns(id: number): number[] {
    return this.db.$client
      .prepare(`SELECT id FROM campaigns WHERE automation_id = ? AND status IN ('scheduled', 'sending', 'paused')`)
      .pluck()
      .all(id) as number[];
  }

  markEvaluated(id: number, through: string): void {
    this.db.update(automations).set({ evaluatedThrough: through }).where(eq(automations.id, id)).run();
  }
}

/** What an automation's row holds of the owner's edit. */
function editColumns(edit: AutomationEdit) {
  return {
    name: edit.name,
    type: edit.type,
    days: edit.days,
    audience: JSON.stringify(edit.audience),
    smsBody: edit.sms.body,
    smsOptOutLine: edit.sms.optOutLine,
    emailSubject: edit.email.subject,
    emailBody: edit.email.body,
    sendTime: edit.sendTime,
    exemptFromCap: edit.exemptFromCap,
    skipIfBooked: edit.skipIfBooked,
    skipIfVisitedWithinDays: edit.skipIfVisitedWithinDays,
  };
}

export function editOf(row: AutomationRow): AutomationEdit {
  const audience = audienceFilterSchema.safeParse(JSON.parse(row.audience));
  return {
    name: row.name,
    type: row.type,
    days: row.days,
    audience: audience.success ? audience.data : READY_MADE[row.kind].audience,
    sms: { body: row.smsBody, optOutLine: row.smsOptOutLine },
    email: { subject: row.emailSubject, body: row.emailBody },
    sendTime: row.sendTime,
    exemptFromCap: row.exemptFromCap,
    skipIfBooked: row.skipIfBooked,
    skipIfVisitedWithinDays: row.skipIfVisitedWithinDays,
  };
}

export function automationDto(row: AutomationRow, customFields: readonly string[]): AutomationDto {
  const edit = editOf(row);
  return {
    id: row.id,
    kind: row.kind,
    enabled: row.enabled,
    enabledAt: row.enabledAt,
    evaluatedThrough: row.evaluatedThrough,
    ...edit,
    description: describe(row.kind, edit),
    problems: problemsOf(edit, customFields),
  };
}

/** In words, e.g. "7 days before the birthday, at 10:00". */
export function describe(kind: AutomationKind, edit: Pick<AutomationEdit, 'days' | 'sendTime'>): string {
  const when = edit.sendTime ? `at ${edit.sendTime}` : 'straight away';
  if (kind === 'welcome' && edit.days === 0) return `When a client who agreed to hear from you is added, by hand or by an import, ${when}`;
  const days = `${edit.days} ${AUTOMATION_DAYS_MEANING[kind].replace(/^days/, edit.days === 1 ? 'day' : 'days')}`;
  const rule = kind === 'win_back' ? ' (clients with 3 or more visits)' : '';
  return `${days}${rule}, ${when}`;
}

/** What must be fixed before it can be turned on; empty when it can run. */
export function problemsOf(edit: AutomationEdit, customFields: readonly string[]): string[] {
  const problems: string[] = [];
  const check = (text: string, missing: string, what: string) => {
    if (text.trim() === '') problems.push(missing);
    else for (const problem of checkTemplate(text, customFields)) problems.push(`${what}: ${problem.message}`);
  };
  if (edit.type !== 'email') check(edit.sms.body, 'Write the text', 'The text');
  if (edit.type !== 'sms') {
    check(edit.email.subject, 'Write the email’s subject', 'The subject');
    check(edit.email.body, 'Write the email', 'The email');
  }
  return problems;
}
