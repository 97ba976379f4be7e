import type { Channel } from '../../../shared/dto';
import { renderTemplate, type TokenValues } from '../../../shared/personalise';

/** Who the salon is, as messages sign off. */
export interface SalonIdentity {
  name: string;
  postalAddress: string;
}

/** A step's content for one channel and the recipient's snapshot, as stored at launch. */
export interface MessageSource {
  channel: Channel;
  smsBody: string | null;
  smsOptOutLine: boolean;
  emailSubject: string | null;
  emailBody: string | null;
  recipientName: string;
  firstName: string | null;
  lastName: string | null;
  customFields: string;
}

export const SMS_OPT_OUT_LINE = 'Reply STOP to opt out';

/** The text and subject exactly as the recipient gets them: tokens filled, opt-out and footer added. */
export function composeMessage(source: MessageSource, salon: SalonIdentity): { subject: string | null; body: string } {
  const values: TokenValues = {
    firstName: source.firstName,
    lastName: source.lastName,
    fullName: source.recipientName,
    salonName: salon.name,
    custom: JSON.parse(source.customFields) as Record<string, string>,
  };
  if (source.channel === 'sms') {
    const text = renderTemplate(source.smsBody ?? '', values);
    return { subject: null, body: source.smsOptOutLine ? `${text}\n${SMS_OPT_OUT_LINE}` : text };
  }
  return {
    subject: renderTemplate(source.emailSubject ?? '', values),
    body: `${renderTemplate(source.emailBody ?? '', values)}\n\n${emailFooter(salon)}`,
  };
}

/** The sign-off every marketing email carries: who sent it, where they are, how to stop (CAN-SPAM). */
export function emailFooter(salon: SalonIdentity): string {
  return [`—`, salon.name, salon.postalAddress, 'To stop receiving these emails, reply with “unsubscribe”.']
    .filter((line) => line.trim() !== '')
    .join('\n');
}
