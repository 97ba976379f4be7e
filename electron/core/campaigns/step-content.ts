import type { StepDraft } from '../../../shared/broadcasts';
import type { InputIssue } from '../../../shared/errors';
import { tokenIssues, type TemplateChannel } from '../../../shared/templates';

/** A step's content for one channel, in the shape its template schema reads (no link: no url). */
export function contentFor(step: StepDraft, channel: TemplateChannel): object {
  if (channel === 'sms') return { body: step.sms.body };
  if (channel === 'email') return step.email;
  const { url, ...push } = step.push;
  return url.trim() ? { ...push, url } : push;
}

/** Unknown fields and stray braces in a step, on the field concerned: e.g. path 'sms.body'. */
export function stepTokenIssues(step: StepDraft, channels: readonly TemplateChannel[], customFields: readonly string[]): InputIssue[] {
  return channels.flatMap((channel) =>
    tokenIssues({ channel, content: contentFor(step, channel) } as Parameters<typeof tokenIssues>[0], customFields).map((issue) => ({
      path: issue.path.replace(/^content/, channel),
      message: issue.message,
    })),
  );
}

/** Issues of one step (path 'sms.body') as a broadcast's: on 'steps.0.sms.body', saying which day. */
export function onDay(issues: readonly InputIssue[], index: number): InputIssue[] {
  return issues.map((issue) => ({ path: `steps.${index}.${issue.path}`, message: `Day ${index + 1}: ${issue.message}` }));
}

