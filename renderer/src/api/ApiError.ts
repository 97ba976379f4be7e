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

  /** The first problem reported for one field or anything inside it, e.g. issueFor('tags') finds 'tags.2'. */
  issueFor(path: string): string | undefined {
    return this.issues.find((issue) => isUnder(issue.path, path))?.message;
  }

  /** True when at least one problem can be shown next to one of these fields (or inside one). */
  concernsAnyOf(paths: readonly string[]): boolean {
    return this.issues.some((issue) => paths.some((path) => isUnder(issue.path, path)));
  }
}

function isUnder(issuePath: string, path: string): boolean {
  return issuePath === path || issuePath.startsWith(`${path}.`);
}

/** Whatever was thrown, as something safe to show: never a stack trace. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError({ code: 'internal', message: 'Something went wrong. Please try again.' });
}
