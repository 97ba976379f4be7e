import type { ErrorCode, InputIssue } from '../../shared/errors';

/** An error meant for the owner: a stable code and a sentence they can act on. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: InputIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function invalidInput(issues: InputIssue[]): AppError {
  const message = issues.length === 1 && issues[0] ? issues[0].message : 'Some fields need attention';
  return new AppError('invalid_input', message, issues);
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found. It may have been deleted.`);
}
