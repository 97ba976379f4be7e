import type { InputIssue } from '../../../../shared/errors';

/** The review's problem for one field of one step (e.g. "steps.1.sms.body"), without the "Day 2:" prefix. */
export function issueAt(issues: readonly InputIssue[], path: string): string | undefined {
  return issues.find((issue) => issue.path === path)?.message.replace(/^Day \d+: /, '');
}
