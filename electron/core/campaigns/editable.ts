import type Database from 'better-sqlite3';
import { DELIVERY_STATUSES, type BroadcastStatus } from '../../../shared/dto';

/** A delivery in any of these has been handled by the sender: its broadcast has started. */
const STARTED_STATUSES = DELIVERY_STATUSES.filter((status) => status !== 'queued')
  .map((status) => `'${status}'`)
  .join(', ');

// Every delivery of a step is due at the step's time until the sender handles it, so "nothing of it
// due" reads the few step rows instead of every queued message. The IN list reaches the index.
const EDITABLE_SQL = `SELECT NOT EXISTS (SELECT 1 FROM deliveries WHERE campaign_id = @id AND status IN (${STARTED_STATUSES}))
   AND NOT EXISTS (SELECT 1 FROM campaign_steps WHERE campaign_id = @id AND (send_at_utc IS NULL OR send_at_utc <= @now))`;

/**
 * Whether a broadcast can go back to a draft to change: scheduled, and none of its messages sent or
 * due yet. The one rule behind 'broadcasts.edit' and BroadcastDto.canEdit.
 */
export function isEditable(sqlite: Database.Database, campaign: { id: number; status: BroadcastStatus }, now: Date): boolean {
  if (campaign.status !== 'scheduled') return false;
  return sqlite.prepare(EDITABLE_SQL).pluck().get({ id: campaign.id, now: now.toISOString() }) === 1;
}
