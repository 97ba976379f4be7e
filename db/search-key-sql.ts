// The contacts search's key (shared/search-key.ts) in SQL. SQLite cannot strip accents, so the rule
// runs as a JavaScript function, and only where it can change the answer: LIKE already ignores the
// case of ASCII, so text that matches as stored, or holds no non-ASCII, needs no call. No key is
// stored, so no migration and no wider rows for the audience count's scan.
import type Database from 'better-sqlite3';
import { searchKey } from '../shared/search-key';

const FUNCTION = 'search_key';

/** Make search_key() callable on this connection. */
export function registerSearchKey(sqlite: Database.Database): void {
  sqlite.function(FUNCTION, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchKey(text) : null));
}

/**
 * `expression` (SQL text) holds every one of `patterns`, LIKE patterns of search keys (escaped for
 * ESCAPE '\'): as stored, or by its search key.
 */
export function holdsEverySql(expression: string, patterns: readonly string[]): { sql: string; params: string[] } {
  const every = (key: string) => patterns.map(() => `${key} LIKE ? ESCAPE '\\'`).join(' AND ');
  // A text's length in bytes exceeds its length in characters exactly when it holds non-ASCII.
  const nonAscii = `length(CAST(${expression} AS BLOB)) <> length(${expression})`;
  return {
    sql: `((${every(expression)}) OR (${nonAscii} AND ${every(`${FUNCTION}(${expression})`)}))`,
    params: [...patterns, ...patterns],
  };
}
