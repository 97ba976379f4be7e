import { consentValueKey, suggestConsentMeaning } from '../../../shared/consent-values';
import type { ConsentValueMeaning } from '../../../shared/imports';
import type { CellResult } from './read-cells';

/** A consent cell read: what it means, and the value as written for the consent history. */
export interface ConsentReading {
  status: Exclude<ConsentValueMeaning, 'unknown'>;
  written: string;
}

const CHANNEL_LABEL = { sms: 'Text consent', email: 'Email consent' } as const;

/**
 * The owner's reading of the value (from the import's value mapping), else the usual words. A value
 * that says nothing leaves the file-wide choice to apply, with a warning when nobody could read it.
 */
export function readConsent(
  channel: 'sms' | 'email',
  text: string,
  owners: ReadonlyMap<string, ConsentValueMeaning>,
): CellResult<ConsentReading | undefined> {
  const key = consentValueKey(text);
  const meaning = owners.get(key) ?? suggestConsentMeaning(key);
  if (meaning !== 'unknown') return { ok: true, value: { status: meaning, written: text } };
  if (owners.has(key)) return { ok: true, value: undefined };
  return {
    ok: true,
    value: undefined,
    note: `${CHANNEL_LABEL[channel]} “${text}” is not a value we know: the choice for the whole file was used.`,
  };
}
