// "Stop texting these numbers": the numbers a broadcast's texts found to be landlines or out of service
// are marked unusable for texts on their clients, so no later audience includes them for texts.
import { deliveryReason } from '../../../shared/delivery-reasons';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import { invalidInput, notFound } from '../errors';
import { FAILED_STATUSES, statusInSql } from './delivery-counts';

const FAILED_SQL = statusInSql('d.status', FAILED_STATUSES);

/**
 * Mark the phone of each client whose text of broadcast `id` failed with `code`, when the client's
 * phone is still the number the text went to (a new number may work). A number already marked keeps
 * its first code and time, so asking again changes nothing. Returns how many were marked now.
 */
export function stopTexting(db: Db, id: number, code: string, at: Date): { marked: number } {
  const { reason, numberUnusable } = deliveryReason('sms', code);
  if (!numberUnusable) {
    throw invalidInput([
      { path: 'code', message: `“${reason}” (${code}) does not show that the number can never get texts, so it is not marked.` },
    ]);
  }
  return db.transaction(() => {
    if (!db.$client.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(id)) throw notFound('That broadcast');
    const marked = db.$client
      .prepare(
        `UPDATE contacts SET sms_unusable_code = @code, sms_unusable_at = @at, updated_at = @at
          WHERE sms_unusable_code IS NULL AND id IN (
            SELECT r.contact_id FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id
              JOIN contacts client ON client.id = r.contact_id
             WHERE d.campaign_id = @id AND ${FAILED_SQL} AND d.channel = 'sms' AND d.error_code = @code
               AND client.phone = d.address)`,
      )
      .run({ id, code, at: at.toISOString() }).changes;
    if (marked > 0) recordAudit(db, at, 'contacts.sms_unusable', `campaign:${id}`, { code, contacts: marked });
    return { marked };
  });
}
