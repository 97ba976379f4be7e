import type { ConsentChannel } from '../../../shared/contacts';
import type { Channel } from '../../../shared/dto';

/** The contact column that holds a channel's address. Whitelisted: these names reach SQL as text. */
export const ADDRESS_COLUMN: Record<Channel, 'phone' | 'email'> = { sms: 'phone', email: 'email' };

const CONSENT_COLUMN: Record<ConsentChannel, string> = { sms: 'sms_consent', email: 'email_consent', push: 'push_consent' };

/**
 * Who a marketing message on `channel` may go to: an address, and consent the client gave.
 * The one definition used by the live count and by launch.
 */
export function reachableSql(channel: Channel): string {
  return `(contacts.${ADDRESS_COLUMN[channel]} IS NOT NULL AND contacts.${CONSENT_COLUMN[channel]} = 'granted')`;
}

/** Per channel: reachable, and why the others are not (each contact counted under one reason). */
export function reachColumnsSql(channel: ConsentChannel): string {
  const consent = CONSENT_COLUMN[channel];
  // Push subscriptions arrive with web push; until then nobody has a push address.
  const hasAddress = channel === 'push' ? '0' : `${ADDRESS_COLUMN[channel]} IS NOT NULL`;
  return [
    `SUM(${hasAddress} AND ${consent} = 'granted') AS ${channel}_reachable`,
    `SUM(${consent} = 'opted_out') AS ${channel}_opted_out`,
    `SUM(${hasAddress} AND ${consent} = 'unknown') AS ${channel}_no_consent`,
    `SUM(NOT (${hasAddress}) AND ${consent} <> 'opted_out') AS ${channel}_no_address`,
  ].join(', ');
}
