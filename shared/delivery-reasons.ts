// Why a message failed, in the owner's words, from the code the provider (or the app) gave: the failure
// groups, the deliveries table, the delivery report and a client's history all read it here.
import type { Channel } from './dto';

export interface DeliveryReason {
  /** Short plain words, e.g. "Not a mobile number". */
  reason: string;
  /** Sending again later may work (a phone switched off, a busy server): offered "Resend to these". */
  retryable: boolean;
  /** The phone number can never get texts (a landline, an unknown number): offered "Stop texting these numbers". */
  numberUnusable: boolean;
}

const final = (reason: string): DeliveryReason => ({ reason, retryable: false, numberUnusable: false });
const retry = (reason: string): DeliveryReason => ({ reason, retryable: true, numberUnusable: false });
const unusable = (reason: string): DeliveryReason => ({ reason, retryable: false, numberUnusable: true });

/** Twilio's codes (the sandbox answers with the same ones). */
const TWILIO: Readonly<Record<string, DeliveryReason>> = {
  '20003': final('Twilio refused the account’s keys'),
  '20005': final('Twilio account suspended or closed'),
  '20429': retry('Twilio asked to slow down'),
  '21211': unusable('Not a valid phone number'),
  '21408': final('Texts to that country are not enabled'),
  '21606': final('The sending number is not on this Twilio account'),
  '21610': final('Replied STOP earlier'),
  '21612': final('Twilio cannot route texts to this number'),
  '21614': unusable('Not a mobile number'),
  '21635': unusable('Not a mobile number'),
  '21659': final('The sending number is not on this Twilio account'),
  '30001': retry('Too many texts queued at once'),
  '30002': final('Twilio account suspended'),
  '30003': retry('Phone switched off or out of range'),
  '30004': final('Blocked by the recipient'),
  '30005': unusable('Unknown or inactive number'),
  // A landline, or a carrier that cannot take texts.
  '30006': unusable('Not a mobile number'),
  '30007': final('Filtered as spam by the carrier'),
  '30008': retry('Unknown carrier error'),
  '30010': final('Price over the maximum set'),
  '30034': final('Sent from a number not registered for US texting (10DLC)'),
  unreachable: retry('Could not reach Twilio'),
};

/** SMTP reply codes and the app's own mail codes. */
const MAIL: Readonly<Record<string, DeliveryReason>> = {
  '421': retry('Mail server unavailable'),
  '450': retry('Mailbox busy'),
  '451': retry('Mail server error'),
  '452': retry('Mail server out of space'),
  '550': final('Email address does not exist'),
  '551': final('Email address not handled by that server'),
  '552': retry('Mailbox full'),
  '553': final('Not a valid email address'),
  '554': final('Refused by the mail server'),
  smtp_auth: retry('Mail server refused the salon’s password'),
  smtp_unreachable: retry('Could not reach the mail server'),
};

/** Push services' HTTP statuses and the app's own push codes. */
const PUSH: Readonly<Record<string, DeliveryReason>> = {
  '400': final('Push service could not read the notification'),
  '401': final('Push service wants the salon’s keys'),
  '403': final('Push service refused the salon’s keys'),
  '404': final('Browser no longer subscribed'),
  '410': final('Browser no longer subscribed'),
  '413': final('Notification too long'),
  '429': retry('Push service asked to slow down'),
  no_subscription_keys: final('Browser subscription has no keys'),
  push_endpoint_refused: final('Not a push service’s address'),
  payload_too_large: final('Notification too long'),
  push_error: final('Notification could not be prepared'),
};

/** The app's codes on any channel. */
const APP: Readonly<Record<string, DeliveryReason>> = {
  not_reachable: final('Opted out or lost the address after launch'),
  step_skipped: final('Day skipped by the owner'),
  frequency_cap: final('Weekly message limit reached (frequency cap)'),
  birthday_passed: final('The birthday passed before it could be sent'),
  not_composed: final('Message could not be written'),
};

const BY_CHANNEL: Readonly<Record<Channel, { codes: Readonly<Record<string, DeliveryReason>>; from: string }>> = {
  sms: { codes: TWILIO, from: 'Twilio' },
  email: { codes: MAIL, from: 'the mail server' },
  push: { codes: PUSH, from: 'the push service' },
};

/** A network error's code (ECONNREFUSED, CERT_HAS_EXPIRED...): nothing reached the service. */
const NETWORK_CODE = /^(E[A-Z]+|[A-Z]+_[A-Z_]+)$/;

/**
 * What `code` on a message of `channel` means; unknown codes read "Error 12345 from Twilio", and an
 * empty one (a failure reported without a code) "No reason given by Twilio".
 */
export function deliveryReason(channel: Channel, code: string): DeliveryReason {
  const { codes, from } = BY_CHANNEL[channel];
  if (code === '') return final(`No reason given by ${from}`);
  const known = lookUp(codes, code) ?? lookUp(APP, code);
  if (known) return known;
  if (NETWORK_CODE.test(code)) return retry(`Could not reach ${from}`);
  // A server's "try later" (4xx mail, 5xx push) is worth a retry; a mail server's 5xx is its final word.
  if ((channel === 'email' && /^4\d\d$/.test(code)) || (channel === 'push' && /^5\d\d$/.test(code))) {
    return retry(`Error ${code} from ${from}, worth trying again later`);
  }
  return final(`Error ${code} from ${from}`);
}

function lookUp(table: Readonly<Record<string, DeliveryReason>>, code: string): DeliveryReason | undefined {
  return Object.hasOwn(table, code) ? table[code] : undefined;
}
