// What Twilio's error codes mean to a salon owner, and what the engine does about each.

/** Codes that concern one recipient: the message fails for good, the rest of the broadcast goes on. */
const RECIPIENT_ERRORS: Record<number, string> = {
  21211: 'This phone number is not valid.',
  21408: 'Texts to this country are not enabled on the Twilio account.',
  21610: 'This client replied STOP and has opted out of texts from the salon.',
  21612: 'Twilio cannot reach this number from the salon’s number.',
  21614: 'This number cannot receive texts (it is not a mobile).',
  21635: 'This number is a landline and cannot receive texts.',
};

/** Codes reported with a final status: why a text that left did not arrive. */
const DELIVERY_ERRORS: Record<number, string> = {
  30003: 'The phone was switched off or out of coverage.',
  30004: 'The client’s phone or carrier blocks texts from the salon.',
  30005: 'This number does not exist or is no longer in service.',
  30006: 'This is a landline, or its carrier cannot receive texts.',
  30007: 'The carrier filtered the text as spam.',
  30008: 'The carrier could not deliver it, for a reason it did not give.',
};

/**
 * Codes about the salon's account, not the recipient: nothing was sent, and every other text would
 * fail the same way, so the message waits (and the circuit breaker pauses the broadcast).
 */
const ACCOUNT_ERRORS: Record<number, string> = {
  20003: 'Twilio refused the Account SID and token: check them in Settings → Sending.',
  20005: 'The Twilio account is suspended or closed.',
  21606: 'The From number is not a Twilio number of this account that can send texts.',
  21659: 'The From number is not a Twilio number of this account.',
  30002: 'The Twilio account is suspended.',
};

export type TwilioErrorKind = 'recipient' | 'account' | 'other';

export function classifyTwilioError(code: number): { kind: TwilioErrorKind; words: string | undefined } {
  if (RECIPIENT_ERRORS[code]) return { kind: 'recipient', words: RECIPIENT_ERRORS[code] };
  if (ACCOUNT_ERRORS[code]) return { kind: 'account', words: ACCOUNT_ERRORS[code] };
  return { kind: 'other', words: undefined };
}

/** The owner's words for a code on a final status, falling back to Twilio's own message. */
export function deliveryErrorWords(code: number, twilioMessage: string | null): string {
  return DELIVERY_ERRORS[code] ?? RECIPIENT_ERRORS[code] ?? twilioMessage ?? `Twilio error ${code}.`;
}

export const OPTED_OUT_CODE = 21610;
