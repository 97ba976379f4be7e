// Pause, resume and cancel: what each would do to a broadcast's messages (shown before the owner
// confirms), and doing it in one transaction.
import type { BroadcastAction, BroadcastActionEffectDto, BroadcastStatus } from '../../../shared/dto';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound } from '../errors';

const ALLOWED_FROM: Record<BroadcastAction, readonly BroadcastStatus[]> = {
  pause: ['scheduled', 'sending'],
  resume: ['paused'],
  cancel: ['scheduled', 'sending', 'paused'],
};

const NOT_ALLOWED: Record<BroadcastAction, string> = {
  pause: 'Only a scheduled or sending broadcast can be paused.',
  resume: 'Only a paused broadcast can be resumed.',
  cancel: 'This broadcast has finished or was never sent, so there is nothing to cancel.',
};

// Resuming lands on sending; the scheduler turns it back to scheduled if nothing is due yet.
const STATUS_AFTER: Record<BroadcastAction, BroadcastStatus> = { pause: 'paused', resume: 'sending', cancel: 'cancelled' };
const AUDIT_ACTION: Record<BroadcastAction, string> = {
  pause: 'broadcast.paused',
  resume: 'broadcast.resumed',
  cancel: 'broadcast.cancelled',
};

interface Counts {
  status: BroadcastStatus;
  waiting: number;
  handedOver: number;
}

export function actionEffect(db: Db, id: number, action: BroadcastAction): BroadcastActionEffectDto {
  const counts = countsOf(db, id);
  const allowed = ALLOWED_FROM[action].includes(counts.status);
  return { action, allowed, waiting: counts.waiting, message: allowed ? describe(action, counts) : NOT_ALLOWED[action] };
}

/** Apply the action; returns the broadcast's new status. */
export function applyAction(db: Db, id: number, action: BroadcastAction, at: Date): BroadcastStatus {
  return db.transaction(
    () => {
      const counts = countsOf(db, id);
      if (!ALLOWED_FROM[action].includes(counts.status)) throw new AppError('conflict', NOT_ALLOWED[action]);
      const now = at.toISOString();
      const sqlite = db.$client;
      const status = STATUS_AFTER[action];
      if (action === 'cancel') {
        sqlite
          .prepare(
            `INSERT INTO delivery_events (delivery_id, from_status, to_status, at, detail)
             SELECT id, 'queued', 'cancelled', ?, 'broadcast cancelled' FROM deliveries WHERE campaign_id = ? AND status = 'queued'`,
          )
          .run(now, id);
        sqlite
          .prepare(`UPDATE deliveries SET status = 'cancelled', updated_at = ?, final_at = ? WHERE campaign_id = ? AND status = 'queued'`)
          .run(now, now, id);
      }
      const reason = action === 'pause' ? 'owner' : null;
      sqlite.prepare('UPDATE campaigns SET status = ?, paused_reason = ?, updated_at = ? WHERE id = ?').run(status, reason, now, id);
      recordAudit(db, at, AUDIT_ACTION[action], `campaign:${id}`, { waiting: counts.waiting });
      return status;
    },
    { behavior: 'immediate' },
  );
}

function countsOf(db: Db, id: number): Counts {
  const row = db.$client
    .prepare(
      `SELECT c.status,
              (SELECT COUNT(*) FROM deliveries WHERE campaign_id = c.id AND status = 'queued') AS waiting,
              (SELECT COUNT(*) FROM deliveries WHERE campaign_id = c.id AND status IN ('sending', 'accepted', 'sent', 'unknown')) AS handedOver
         FROM campaigns c WHERE c.id = ?`,
    )
    .get(id) as Counts | undefined;
  if (!row) throw notFound('That broadcast');
  return row;
}

function describe(action: BroadcastAction, { waiting, handedOver }: Counts): string {
  const messages = (n: number) => `${n.toLocaleString('en-US')} message${n === 1 ? '' : 's'}`;
  const inFlight =
    handedOver > 0 ? ` ${messages(handedOver)} already handed to the provider will still arrive.` : '';
  switch (action) {
    case 'pause':
      return `${messages(waiting)} not yet sent will wait until you resume.${inFlight}`;
    case 'resume':
      return `${messages(waiting)} waiting will be sent, each at its scheduled time or now if that has passed.`;
    case 'cancel':
      return `${messages(waiting)} not yet sent will never be sent. This cannot be undone.${inFlight}`;
  }
}
