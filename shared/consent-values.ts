// The words booking systems and salons write in a consent column, in the languages the app meets most.
import type { ConsentValueMeaning } from './imports';

const GRANTED = [
  'subscribed', 'yes', 'y', 'true', '1', 'opt-in', 'opt in', 'opted in', 'opted-in', 'optin', 'agreed', 'consented', 'granted', 'allowed', 'ok',
  'oui', 'inscrit', 'inscrite', 'abonné', 'abonnée', 'accepte', 'accepté', 'vrai', // French
  'ja', 'abonniert', 'angemeldet', 'zugestimmt', 'einverstanden', 'wahr', // German, Dutch "ja"
  'sí', 'si', 'suscrito', 'suscrita', 'acepta', 'verdadero', // Spanish, Italian "si"
  'iscritto', 'iscritta', 'accetta', 'vero', // Italian
  'sim', 'inscrito', 'inscrita', 'aceito', 'verdadeiro', // Portuguese
  'aangemeld', 'ingeschreven', 'akkoord', 'waar', // Dutch
  '同意', '同意する', 'はい', '配信する', '希望する', '購読', '許可', // Japanese
];

const OPTED_OUT = [
  'unsubscribed', 'no', 'n', 'false', '0', 'opted out', 'opted-out', 'opt-out', 'opt out', 'optout', 'declined', 'refused', 'denied', 'stop',
  'non', 'désinscrit', 'désinscrite', 'désabonné', 'désabonnée', 'refuse', 'refusé', 'faux', // French
  'nein', 'abgemeldet', 'abbestellt', 'abgelehnt', 'falsch', // German
  'desuscrito', 'desuscrita', 'rechaza', 'falso', // Spanish, Italian and Portuguese "falso"
  'disiscritto', 'disiscritta', 'rifiuta', // Italian
  'não', 'nao', 'descadastrado', 'descadastrada', 'recusa', // Portuguese
  'nee', 'afgemeld', 'uitgeschreven', 'onwaar', // Dutch
  '拒否', '拒否する', 'いいえ', '配信しない', '希望しない', '購読しない', '停止', '解除', // Japanese
];

/** A value as compared: full-width letters made narrow, without case or surrounding spaces. */
export function consentValueKey(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

const MEANING_BY_WORD = new Map<string, ConsentValueMeaning>([
  ...GRANTED.map((word) => [consentValueKey(word), 'granted'] as const),
  ...OPTED_OUT.map((word) => [consentValueKey(word), 'opted_out'] as const),
]);

/** What a consent column's value most likely means; a value the app does not know says nothing. */
export function suggestConsentMeaning(value: string): ConsentValueMeaning {
  const key = consentValueKey(value);
  return MEANING_BY_WORD.get(key) ?? MEANING_BY_WORD.get(key.replace(/[\s_]+/g, ' ')) ?? 'unknown';
}
