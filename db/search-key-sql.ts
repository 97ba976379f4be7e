// The contacts search's key (shared/search-key.ts) in SQL. SQLite cannot strip accents, so the rule
// runs as a JavaScript function, and only on text holding non-ASCII: plain ASCII needs no more than
// its spaces dropped, as LIKE already ignores its case. No key is stored, so no migration and no
// wider rows for the audience count's scan; the search pays for the non-ASCII rows it reads.
import type Database from 'better-sqlite3';
import { searchKey } from '../shared/search-key';

const FUNCTION = 'search_key';

/** Make search_key() callable on this connection. */
export function registerSearchKey(sqlite: Database.Database): void {
  sqlite.function(FUNCTION, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchKey(text) : null));
}

/** The search key of an SQL text expression; compare it with LIKE to a pattern of searchKey(typed). */
export function searchKeySql(expression: string): string {
  // A text's length in bytes exceeds its length in characters exactly when it holds non-ASCII.
  return `(CASE WHEN length(CAST(${expression} AS BLOB)) = length(${expression}) THEN replace(${expression}, ' ', '') ELSE ${FUNCTION}(${expression}) END)`;
}
