import type { ErrorCode, InputIssue, RpcError } from '../../../shared/errors';

/** A call the core refused or could not complete: a stable code, a sentence for the owner, per-field issues. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly InputIssue[];

  constructor(error: RpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.issues = error.issues ?? [];
  }

  /** The first problem reported for one field, e.g. issueFor('phone'). */
  issueFor(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path)?.message;
  }

  /** True when at least one problem can be shown next to one of these fields. */
  concernsAnyOf(paths: readonly string[]): boolean {
    return this.issues.some((issue) => paths.includes(issue.path));
  }
}

/** Whatever was thrown, as something safe to show: never a stack trace. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ code: 'internal', message: 'Something went wrong. Please try again.' });
}
