// Errors that cross the contract: a stable code for code, a sentence for the owner.

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  /** The request did not carry this launch's key, or came from another site. */
  'unauthorized',
  'not_found',
  'duplicate',
  'conflict',
  /** The method exists but not on this host, e.g. a native save dialog in the browser. */
  'not_available',
  /** The disk (or the database's room on it) is full: nothing was changed. */
  'disk_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface InputIssue {
  /** Dotted path of the field, e.g. "phone". Empty for the input as a whole. */
  path: string;
  message: string;
}

export interface RpcError {
  code: ErrorCode;
  message: string;
  issues?: InputIssue[];
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };
