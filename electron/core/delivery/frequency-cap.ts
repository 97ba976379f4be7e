import { SENT_STATUSES } from '../tracking/delivery-counts';
import type { DeliveryStatus } from '../../../shared/dto';

/** The weekly frequency cap counts a client's messages over this rolling window. */
export const CAP_WINDOW_MS = 7 * 24 * 60 * 60_000;

/** Messages that reached, or may have reached, the client: the ones the cap counts. */
export const CAP_COUNTED_STATUSES: readonly DeliveryStatus[] = [...SENT_STATUSES, 'sending', 'unknown'];
