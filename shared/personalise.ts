// Personalisation tokens in a message: {{firstName}}, {{salonName}}, {{custom:Stylist}}, and a
// fallback for an empty value: {{firstName|there}}. A token the app does not know is an error.
import { isReservedName } from './reserved-names';

export const STANDARD_TOKENS = ['firstName', 'lastName', 'fullName', 'salonName'] as const;
export type StandardToken = (typeof STANDARD_TOKENS)[number];

const TOKEN = /\{\{\s*([^{}|]+?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;

export interface TokenUse {
  /** As written, e.g. "firstName" or "custom:Stylist". */
  name: string;
  fallback: string | null;
  /** Where the token starts in the text. */
  index: number;
  length: number;
}

export interface TemplateProblem {
  index: number;
  length: number;
  message: string;
}

export function findTokens(text: string): TokenUse[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    name: match[1] ?? '',
    fallback: match[2] ?? null,
    index: match.index,
    length: match[0].length,
  }));
}

/** Tokens that name nothing the app knows, and braces that do not form a token. */
export function checkTemplate(text: string, customFields: readonly string[]): TemplateProblem[] {
  const usable = customFields.filter((key) => !isReservedName(key));
  const known = new Set<string>([...STANDARD_TOKENS, ...usable.map((key) => `custom:${key}`)]);
  const problems: TemplateProblem[] = findTokens(text)
    .filter((token) => !known.has(token.name))
    .map((token) => ({ index: token.index, length: token.length, message: `Unknown field “${token.name}”` }));
  const stray = text.replace(TOKEN, (match) => ' '.repeat(match.length)).search(/\{\{|\}\}/);
  if (stray >= 0) problems.push({ index: stray, length: 2, message: 'Braces that do not make a field: write {{firstName}}' });
  return problems.sort((a, b) => a.index - b.index);
}

/**
 * The values one recipient's message is filled with; an empty or missing value uses the fallback.
 * Custom fields are a Map: only a client's own fields are found, never what a plain object inherits.
 */
export type TokenValues = Partial<Record<StandardToken, string | null>> & { custom?: ReadonlyMap<string, string> };

const STANDARD: ReadonlySet<string> = new Set(STANDARD_TOKENS);

/**
 * Fills every token. `encode` is applied to each client value (not to fallbacks, which are part of
 * the text): HTML-escaping for HTML, percent-encoding for a link. A name the app does not know is
 * filled with its fallback: checkTemplate says why before anything is sent.
 */
export function renderTemplate(text: string, values: TokenValues, encode: (value: string) => string = (value) => value): string {
  return text.replace(TOKEN, (_match, name: string, fallback: string | undefined) => {
    const value = valueOf(name, values);
    return typeof value === 'string' && value.trim() ? encode(value) : (fallback ?? '');
  });
}

function valueOf(name: string, values: TokenValues): string | null | undefined {
  if (name.startsWith('custom:')) return values.custom?.get(name.slice('custom:'.length));
  return STANDARD.has(name) ? values[name as StandardToken] : undefined;
}
