import type Database from 'better-sqlite3';
import type { Channel } from '../../../shared/dto';
import { ADDRESS_SQL, reachableSql } from '../audience/reachability';

/**
 * Snapshot the contacts matching `whereSql` as recipients of a campaign, with what personalisation
 * needs, so later edits of a contact change no message. Returns how many were added.
 */
export function snapshotRecipients(sqlite: Database.Database, campaignId: number, whereSql: string, params: unknown[]): number {
  return sqlite
    .prepare(
      `INSERT INTO campaign_recipients (campaign_id, contact_id, name, first_name, last_name, phone, email, custom_fields)
       SELECT ?, id, name, first_name, last_name, phone, email, custom_fields FROM contacts WHERE ${whereSql}`,
    )
    .run(campaignId, ...params).changes;
}

export interface QueueStep {
  campaignId: number;
  stepId: number;
  channels: readonly Channel[];
  /** UTC ISO time from which the messages may be claimed. */
  dueAt: string;
  at: string;
  /** Only recipients with a larger id: those just added to a campaign that already had some. */
  afterRecipientId: number;
}

/** Queue one message per recipient and channel the recipient can be reached on, each with its first history entry. */
export function queueStepDeliveries(sqlite: Database.Database, step: QueueStep): void {
  const before = sqlite.prepare('SELECT COALESCE(MAX(id), 0) FROM deliveries').pluck().get() as number;
  for (const channel of step.channels) {
    sqlite
      .prepare(
        `INSERT INTO deliveries (campaign_id, step_id, recipient_id, channel, address, status, due_at, updated_at)
         SELECT r.campaign_id, ?, r.id, ?, ${ADDRESS_SQL[channel]}, 'queued', ?, ? FROM campaign_recipients r
           JOIN contacts ON contacts.id = r.contact_id
          WHERE r.campaign_id = ? AND r.id > ? AND ${reachableSql(channel)}`,
      )
      .run(step.stepId, channel, step.dueAt, step.at, step.campaignId, step.afterRecipientId);
  }
  sqlite
    .prepare(
      `INSERT INTO delivery_events (delivery_id, from_status, to_status, at)
       SELECT id, NULL, 'queued', ? FROM deliveries WHERE campaign_id = ? AND id > ?`,
    )
    .run(step.at, step.campaignId, before);
}
