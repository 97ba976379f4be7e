import { findTokens, renderTemplate } from '../../../../shared/personalise';

/** A client with a longer-than-usual name, so the count errs towards more segments, not fewer. */
const SAMPLE_CLIENT = { firstName: 'Alexandra', lastName: 'Richardson', fullName: 'Alexandra Richardson' };

/**
 * The text as a client gets it, to count what it costs: a token's braces never go out, and each one
 * would cost two characters in a text. Custom fields count as their fallback.
 */
export function smsAsSent(text: string, salonName: string): { text: string; personalised: boolean } {
  return { text: renderTemplate(text, { ...SAMPLE_CLIENT, salonName }), personalised: findTokens(text).length > 0 };
}
