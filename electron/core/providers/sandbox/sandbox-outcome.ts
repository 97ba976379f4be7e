import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Channel } from '../../../../shared/dto';

/**
 * What the sandbox does with a message, decided from the address alone so that the same recipient
 * always gets the same outcome (tests and demos can rely on it).
 */
export type SandboxOutcome =
  | { kind: 'rejected'; code: string; message: string }
  | { kind: 'delivered'; delayShare: number }
  | { kind: 'undelivered'; code: string; message: string; delayShare: number };

/** Twilio's documented magic test numbers, answered the way Twilio's test credentials answer them. */
const TWILIO_TEST_NUMBERS: Record<string, { code: string; message: string }> = {
  '+15005550001': { code: '21211', message: 'This phone number is invalid.' },
  '+15005550002': { code: '21612', message: 'Texts cannot be routed to this number.' },
  '+15005550003': { code: '21408', message: 'Sending to this country is not enabled for the account.' },
  '+15005550004': { code: '21610', message: 'This client has replied STOP and opted out of texts.' },
  '+15005550009': { code: '21614', message: 'This number cannot receive texts (it is not a mobile).' },
};

const NOT_MOBILE_TYPES = new Set(['FIXED_LINE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN', 'VOICEMAIL', 'PAGER']);

/** Domains reserved by RFC 2606 / 6761: no mail server ever accepts mail for them. */
const RESERVED_EMAIL_DOMAIN = /(^|\.)(example\.(com|net|org)|example|invalid|test|localhost)$/;

/** About one message in twenty is not delivered, as with real carriers and mailboxes. */
const UNDELIVERED_PER_MILLE = 50;

export function sandboxOutcome(channel: Channel, address: string): SandboxOutcome {
  const rejection = channel === 'sms' ? smsRejection(address) : emailRejection(address);
  if (rejection) return { kind: 'rejected', ...rejection };
  const hash = fnv1a(address);
  const delayShare = ((hash >>> 10) % 1000) / 1000;
  if (hash % 1000 < UNDELIVERED_PER_MILLE) {
    return channel === 'sms'
      ? { kind: 'undelivered', code: '30003', message: 'The phone was switched off or out of coverage.', delayShare }
      : { kind: 'undelivered', code: '552', message: 'The mailbox is full.', delayShare };
  }
  return { kind: 'delivered', delayShare };
}

function smsRejection(phone: string): { code: string; message: string } | undefined {
  const testNumber = TWILIO_TEST_NUMBERS[phone];
  if (testNumber) return testNumber;
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed || !parsed.isValid()) return TWILIO_TEST_NUMBERS['+15005550001'];
  const type = parsed.getType();
  if (type && NOT_MOBILE_TYPES.has(type)) return TWILIO_TEST_NUMBERS['+15005550009'];
  return undefined;
}

function emailRejection(email: string): { code: string; message: string } | undefined {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return RESERVED_EMAIL_DOMAIN.test(domain) ? { code: '550', message: 'This email address does not exist.' } : undefined;
}

/** 32-bit FNV-1a: a small, stable hash so outcomes never change between runs or machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
