// Email addresses as clients have them, including internationalised ones (RFC 6531: renée@exemple.fr,
// 用户@例子.广告). The check is validator's isEmail with UTF-8 local parts allowed, for the core and the
// renderer alike; zod's own check refuses every non-ASCII address, so it only reads ASCII ones (as
// every address was read before, and ten times faster than validator on an import's hot path).
import isEmail from 'validator/lib/isEmail';
import { z } from 'zod';

const MAX_EMAIL_CHARS = 254;
const NON_ASCII = /[^\p{ASCII}]/u;
const ASCII_EMAIL = z.regexes.email;
const IS_EMAIL_OPTIONS = { allow_utf8_local_part: true, require_tld: true, allow_ip_domain: false, allow_display_name: false } as const;

/** True for an address a mail server can deliver to: a dot-atom local part (UTF-8 allowed) at a domain with a TLD. */
export function isEmailAddress(address: string): boolean {
  if (address.length > MAX_EMAIL_CHARS) return false;
  return NON_ASCII.test(address) ? isEmail(address, IS_EMAIL_OPTIONS) : ASCII_EMAIL.test(address);
}

/**
 * A local part outside ASCII can only be sent through a server that offers SMTPUTF8; a domain outside
 * ASCII alone is sent in its ASCII (punycode) form, so it needs nothing special.
 */
export function needsSmtpUtf8(address: string): boolean {
  const at = address.lastIndexOf('@');
  return NON_ASCII.test(at < 0 ? address : address.slice(0, at));
}

export const SMTPUTF8_NOTE = 'This email address has letters outside English (RFC 6531): it reaches the client only through a mail server that supports SMTPUTF8.';
