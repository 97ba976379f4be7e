// The addresses in a message: which schemes may be linked to, and how a client's values are put
// into an address without being able to change where it goes.
import { findTokens, renderTemplate, type TokenValues } from '../../../shared/personalise';

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * The start of an address that fixes where it goes: a web address up to the end of its host, or
 * the scheme of an email or phone link. A token may only come after it.
 */
const FIXED_DESTINATION = /^(?:https?:\/\/[^/?#{}\s]+[/?#]|(?:mailto|tel):)/i;

/** A link a mail app may follow: web, email and phone addresses only, never javascript:, data: or a relative path. */
export function isLinkAddress(href: string): boolean {
  return LINK_SCHEMES.has(schemeOf(href) ?? '');
}

/** An image a mail app may load: from the web only. */
export function isImageAddress(src: string): boolean {
  return IMAGE_SCHEMES.has(schemeOf(src) ?? '');
}

/**
 * The address with its tokens filled, each value percent-encoded, so "Zoë & Co" becomes
 * Zo%C3%AB%20%26%20Co. Null when a token comes before the host is fixed (e.g. https://{{x}}/ or
 * {{custom:Link}}): a client's value must never choose a link's scheme or host.
 */
export function personaliseAddress(address: string, values: TokenValues): string | null {
  const [first] = findTokens(address);
  if (!first) return address;
  if (!FIXED_DESTINATION.test(address.slice(0, first.index))) return null;
  return renderTemplate(address, values, encodeValue);
}

/** Half of a surrogate pair, which encodeURIComponent throws on (stored text can hold one). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function encodeValue(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'));
}

/** The scheme as a browser reads it (it skips leading spaces and drops tabs and line breaks), or null for a relative address. */
function schemeOf(address: string): string | null {
  try {
    return new URL(address).protocol.toLowerCase();
  } catch {
    return null;
  }
}
