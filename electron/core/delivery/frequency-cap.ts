import { SENT_STATUSES, statusInSql } from '../tracking/delivery-counts';
import type { DeliveryStatus } from '../../../shared/dto';

/** The weekly frequency cap counts a client's messages over this rolling window. */
export const CAP_WINDOW_MS = 7 * 24 * 60 * 60_000;

/** Messages that reached, or may have reached, the client: the ones the cap counts. */
export const CAP_COUNTED_STATUSES: readonly DeliveryStatus[] = [...SENT_STATUSES, 'sending', 'unknown'];

/**
 * The clients already at the cap (`?` since, `?` cap), as a subquery of contact ids: for the review's
 * warning. It reads the messages providers took this week by their accepted time's index.
 */
export const AT_CAP_CONTACTS_SQL = `SELECT r.contact_id FROM deliveries d JOIN campaign_recipients r ON r.id = d.recipient_id
    JOIN campaigns c ON c.id = d.campaign_id
   WHERE d.accepted_at >= ? AND ${statusInSql('d.status', SENT_STATUSES)} AND c.cap_exempt = 0
   GROUP BY r.contact_id HAVING COUNT(DISTINCT d.step_id) >= ?`;
