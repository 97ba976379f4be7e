import type { ConsentChannel } from '../../../shared/contacts';
import type { Channel } from '../../../shared/dto';

/**
 * A channel's address of the contact in `contacts`, as SQL: the phone, the email, or the newest push
 * subscription's endpoint. Whitelisted: these reach SQL as text.
 */
export const ADDRESS_SQL: Record<Channel, string> = {
  sms: 'contacts.phone',
  email: 'contacts.email',
  push: '(SELECT ps.endpoint FROM push_subscriptions ps WHERE ps.contact_id = contacts.id ORDER BY ps.id DESC LIMIT 1)',
};

/** An address that can get the channel's messages: a phone found unable to get texts (a landline...) is none. */
const HAS_ADDRESS: Record<Channel, string> = {
  sms: 'contacts.phone IS NOT NULL AND contacts.sms_unusable_code IS NULL',
  email: 'contacts.email IS NOT NULL',
  push: 'EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.contact_id = contacts.id)',
};

const CONSENT_COLUMN: Record<ConsentChannel, string> = { sms: 'sms_consent', email: 'email_consent', push: 'push_consent' };

/**
 * Who a marketing message on `channel` may go to: a usable address, and consent the client gave.
 * The one definition used by the live count, the review, launch and the sender's claim.
 */
export function reachableSql(channel: Channel): string {
  return `(${HAS_ADDRESS[channel]} AND contacts.${CONSENT_COLUMN[channel]} = 'granted')`;
}

/**
 * Per channel, the counts the live summary needs: reachable, opted out and no consent. Every other
 * matched contact has no usable address (consent is one of granted / unknown / opted_out): a phone
 * marked unusable for texts counts there. That fourth reason is derived rather than counted: each
 * aggregate costs time on every matched row.
 */
export function reachColumnsSql(channel: ConsentChannel): string {
  const consent = CONSENT_COLUMN[channel];
  const hasAddress = HAS_ADDRESS[channel];
  return [
    `COUNT(*) FILTER (WHERE ${hasAddress} AND ${consent} = 'granted') AS ${channel}_reachable`,
    `COUNT(*) FILTER (WHERE ${consent} = 'opted_out') AS ${channel}_opted_out`,
    `COUNT(*) FILTER (WHERE ${hasAddress} AND ${consent} = 'unknown') AS ${channel}_no_consent`,
  ].join(', ');
}
