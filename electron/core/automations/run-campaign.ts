import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { AutomationEdit } from '../../../shared/automations';
import { deliveryChannels } from '../campaigns/campaigns-repository';
import { queueStepDeliveries, snapshotRecipients } from '../campaigns/queue-deliveries';
import type { AutomationRow } from './automations-repository';

export interface RunMessages {
  automation: AutomationRow;
  edit: AutomationEdit;
  /** The salon day of the run. */
  runDate: string;
  contactIds: readonly number[];
  at: string;
}

/**
 * Queue the messages of an automation's run: one broadcast per automation and salon day, so they are
 * tracked, counted and reported like a broadcast's. A run made earlier that day gets the new clients
 * (with that run's wording). Call inside the transaction that writes their ledger rows. Returns the run's id.
 */
export function queueRunMessages(sqlite: Database.Database, run: RunMessages): number {
  const { campaignId, stepId } = openRun(sqlite, run);
  const afterRecipientId = sqlite.prepare('SELECT COALESCE(MAX(id), 0) FROM campaign_recipients WHERE campaign_id = ?').pluck().get(campaignId) as number;
  snapshotRecipients(sqlite, campaignId, 'id IN (SELECT value FROM json_each(?))', [JSON.stringify(run.contactIds)]);
  queueStepDeliveries(sqlite, { campaignId, stepId, channels: deliveryChannels(run.edit.type), dueAt: run.at, at: run.at, afterRecipientId });
  sqlite.prepare(`UPDATE campaigns SET status = 'sending', completed_at = NULL, updated_at = ? WHERE id = ?`).run(run.at, campaignId);
  return campaignId;
}

function openRun(sqlite: Database.Database, { automation, edit, runDate, at }: RunMessages): { campaignId: number; stepId: number } {
  const existing = sqlite
    .prepare(`SELECT c.id AS campaignId, s.id AS stepId FROM campaigns c JOIN campaign_steps s ON s.campaign_id = c.id AND s.day = 1
               WHERE c.automation_id = ? AND c.run_date = ?`)
    .get(automation.id, runDate) as { campaignId: number; stepId: number } | undefined;
  if (existing) return existing;
  const campaignId = sqlite
    .prepare(
      `INSERT INTO campaigns (name, status, type, audience, created_at, updated_at, launched_at, automation_id, run_date, cap_exempt)
       VALUES (?, 'sending', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(`${edit.name} · ${DateTime.fromISO(runDate).toFormat('d LLL yyyy')}`, edit.type, JSON.stringify(edit.audience), at, at, at, automation.id, runDate, edit.exemptFromCap ? 1 : 0) as number;
  const stepId = sqlite
    .prepare(
      `INSERT INTO campaign_steps (campaign_id, day, send_at_utc, sms_body, sms_opt_out_line, email_subject, email_body)
       VALUES (?, 1, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(
      campaignId,
      at,
      edit.type === 'email' ? null : edit.sms.body,
      edit.sms.optOutLine ? 1 : 0,
      edit.type === 'sms' ? null : edit.email.subject,
      edit.type === 'sms' ? null : edit.email.body,
    ) as number;
  return { campaignId, stepId };
}
