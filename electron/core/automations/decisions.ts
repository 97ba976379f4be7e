import type { AutomationDecisionDto } from '../../../shared/automations';
import type { Db } from '../../../db/open';
import { invalidInput } from '../errors';

interface DecisionRow extends AutomationDecisionDto {
  id: number;
  /** For one queued to send: why its every message was skipped at sending time (the cap, an opt-out) or cancelled. */
  skippedWhenSent: string | null;
}

/** A run's message cancelled before it went: the automation turned off, or the owner cancelled the run. */
const CANCELLED = 'Not sent: cancelled before it went (the automation was turned off, or its run cancelled)';

const DECISION_SELECT = `SELECT e.id, e.automation_id AS automationId, a.name AS automationName, e.contact_id AS contactId,
    contacts.name AS contactName, e.occasion, e.decided_at AS decidedAt, e.outcome, e.reason, e.campaign_id AS broadcastId,
    CASE WHEN e.outcome = 'sent' AND NOT EXISTS (SELECT 1 FROM campaign_recipients r JOIN deliveries d ON d.recipient_id = r.id
           WHERE r.campaign_id = e.campaign_id AND r.contact_id = e.contact_id AND d.status NOT IN ('skipped', 'cancelled'))
      THEN (SELECT COALESCE(d.error_message, '${CANCELLED}') FROM campaign_recipients r JOIN deliveries d ON d.recipient_id = r.id
             WHERE r.campaign_id = e.campaign_id AND r.contact_id = e.contact_id AND d.status IN ('skipped', 'cancelled') LIMIT 1) END AS skippedWhenSent
  FROM automation_enrolments e JOIN automations a ON a.id = e.automation_id JOIN contacts ON contacts.id = e.contact_id`;

/** An automation's decisions, newest first, a page at a time (`after`: the last page's `next`). */
export function automationHistory(sqlite: Db['$client'], automationId: number, after: string | undefined, limit: number) {
  const [at, id] = after ? decodeCursor(after) : [null, null];
  const rows = sqlite
    .prepare(
      `${DECISION_SELECT} WHERE e.automation_id = ? AND (? IS NULL OR (e.decided_at, e.id) < (?, ?))
        ORDER BY e.decided_at DESC, e.id DESC LIMIT ?`,
    )
    .all(automationId, at, at, id, limit + 1) as DecisionRow[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(decisionDto), next: rows.length > limit && last ? `${last.decidedAt}|${last.id}` : null };
}

/** Every automation decision about one client, newest first: the "why not sent" log. */
export function clientAutomationLog(sqlite: Db['$client'], contactId: number): AutomationDecisionDto[] {
  const rows = sqlite.prepare(`${DECISION_SELECT} WHERE e.contact_id = ? ORDER BY e.decided_at DESC, e.id DESC LIMIT 200`).all(contactId) as DecisionRow[];
  return rows.map(decisionDto);
}

function decisionDto({ id: _id, skippedWhenSent, ...decision }: DecisionRow): AutomationDecisionDto {
  return skippedWhenSent === null ? decision : { ...decision, outcome: 'skipped', reason: skippedWhenSent };
}

function decodeCursor(cursor: string): [string, number] {
  const split = cursor.lastIndexOf('|');
  const id = Number(cursor.slice(split + 1));
  if (split < 1 || !Number.isSafeInteger(id)) throw invalidInput([{ path: 'after', message: 'That page link is not valid: load the history again' }]);
  return [cursor.slice(0, split), id];
}
