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

/**
 * Per channel, the counts the live summary needs: reachable, opted out and no consent. Every other
 * matched contact has no address (consent is one of granted / unknown / opted_out), so that fourth
 * reason is derived rather than counted: each aggregate costs time on every matched row.
 */
export function reachColumnsSql(channel: ConsentChannel): string {
  const consent = CONSENT_COLUMN[channel];
  if (channel === 'push') {
    // Push subscriptions arrive with web push; until then nobody has a push address.
    return `COUNT(*) FILTER (WHERE ${consent} = 'opted_out') AS push_opted_out`;
  }
  const address = ADDRESS_COLUMN[channel];
  return [
    `COUNT(*) FILTER (WHERE ${address} IS NOT NULL AND ${consent} = 'granted') AS ${channel}_reachable`,
    `COUNT(*) FILTER (WHERE ${consent} = 'opted_out') AS ${channel}_opted_out`,
    `COUNT(*) FILTER (WHERE ${address} IS NOT NULL AND ${consent} = 'unknown') AS ${channel}_no_consent`,
  ].join(', ');
}
