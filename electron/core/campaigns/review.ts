import type Database from 'better-sqlite3';
import type { z } from 'zod';
import {
  PUSH_PAYLOAD_MAX_BYTES,
  TYPE_CHANNELS,
  type BroadcastDraft,
  type BroadcastReviewDto,
  type StepDraft,
  type StepReviewDto,
} from '../../../shared/broadcasts';
import type { SettingsDto } from '../../../shared/dto';
import type { InputIssue } from '../../../shared/errors';
import { countSmsSegments } from '../../../shared/sms-segments';
import { stepSchedules } from '../../../shared/step-schedule';
import { emailContentSchema, pushContentSchema, smsContentSchema, type TemplateChannel } from '../../../shared/templates';
import { compileFilter, type SqlCondition } from '../audience/compile-filter';
import { filterContext } from '../audience/filter-context';
import { reachableSql } from '../audience/reachability';
import { composeSms, tokenValues } from '../delivery/compose-message';
import { AT_CAP_CONTACTS_SQL, CAP_WINDOW_MS } from '../delivery/frequency-cap';
import { contentFor, onDay, stepTokenIssues } from './step-content';

export interface ReviewInput {
  draft: BroadcastDraft;
  settings: SettingsDto;
  customFields: readonly string[];
  now: Date;
  /** Render every text to count its segments. Launch skips it when no budget cap needs the cost. */
  withCosts?: boolean;
}

/**
 * What launching the draft now would do: who gets what, when, at what cost and how long sending takes,
 * and what must be fixed first. Launch runs the same review inside its transaction.
 */
export function reviewBroadcast(sqlite: Database.Database, { draft, settings, customFields, now, withCosts = true }: ReviewInput): BroadcastReviewDto {
  const channels = TYPE_CHANNELS[draft.type];
  const times = stepSchedules(draft.steps, settings.timeZone, settings.quietHours, now);
  const audience = compileFilter(draft.audience.filter, filterContext(now, settings.timeZone));
  const { smtpUtf8, ...recipients } = countRecipients(sqlite, audience, channels);
  const segments = withCosts && channels.includes('sms') ? smsSegmentsPerStep(sqlite, audience, draft.steps, settings) : draft.steps.map(() => 0);

  const steps: StepReviewDto[] = draft.steps.map((_, index) => {
    const messages = { sms: channels.includes('sms') ? recipients.sms : 0, email: channels.includes('email') ? recipients.email : 0, push: channels.includes('push') ? recipients.push : 0 };
    const smsSegments = segments[index] ?? 0;
    return {
      day: index + 1,
      schedule: times.schedules[index] ?? null,
      messages,
      smsSegments,
      cost: smsSegments * settings.smsPricePerSegment,
      // Texts and emails go through different providers at once: the slower one sets the pace.
      sendingSeconds: Math.max(messages.sms / settings.smsPerSecond, (messages.email / settings.emailPerMinute) * 60),
    };
  });
  const totalCost = steps.reduce((sum, step) => sum + step.cost, 0);
  const problems = [...nameProblems(draft), ...draft.steps.flatMap((step, index) => contentProblems(step, index, channels, customFields)), ...times.problems];
  if (recipients.total === 0) {
    problems.push({ path: 'audience', message: 'Nobody in this audience can get this broadcast yet: they need an address and their consent.' });
  }
  return {
    problems,
    recipients,
    steps,
    totalSegments: steps.reduce((sum, step) => sum + step.smsSegments, 0),
    totalCost,
    currency: settings.currency,
    pricePerSegment: settings.smsPricePerSegment,
    budgetCap: settings.budgetCap,
    overBudget: settings.budgetCap !== null && totalCost > settings.budgetCap,
    warnings: [...(channels.includes('email') ? smtpUtf8Warnings(smtpUtf8) : []), ...capWarnings(sqlite, audience, channels, settings, now)],
  };
}

/** Clients of the audience already at the weekly cap: their messages would be skipped as "frequency cap". */
function capWarnings(sqlite: Database.Database, audience: SqlCondition, channels: readonly TemplateChannel[], settings: SettingsDto, now: Date): string[] {
  if (settings.frequencyCap === null) return [];
  const since = new Date(now.getTime() - CAP_WINDOW_MS).toISOString();
  const atCap = sqlite
    .prepare(`SELECT COUNT(*) FROM contacts WHERE (${channels.map(reachableSql).join(' OR ') || '0'}) AND (${audience.sql}) AND contacts.id IN (${AT_CAP_CONTACTS_SQL})`)
    .pluck()
    .get(...audience.params, since, settings.frequencyCap) as number;
  if (atCap === 0) return [];
  const who = atCap === 1 ? '1 client has' : `${atCap} clients have`;
  return [
    `${who} already had ${settings.frequencyCap} messages in the last 7 days: what would go to them now is skipped as “frequency cap”. Change Messages per client per week in Settings → Costs & limits.`,
  ];
}

/** Internationalised addresses (renée@…) reach their clients only through a mail server that offers SMTPUTF8. */
function smtpUtf8Warnings(count: number): string[] {
  if (count === 0) return [];
  const who = count === 1 ? '1 client has an email address' : `${count} clients have email addresses`;
  return [`${who} with letters outside English (such as renée@…): they get the email only if your mail server supports SMTPUTF8. Ask your email provider if unsure.`];
}

/** A local part with a character outside printable ASCII (shared/email-address.ts needsSmtpUtf8, in SQL). */
const NEEDS_SMTPUTF8_SQL = `substr(contacts.email, 1, instr(contacts.email, '@') - 1) GLOB '*[^ -~]*'`;

function countRecipients(
  sqlite: Database.Database,
  audience: SqlCondition,
  channels: readonly TemplateChannel[],
): BroadcastReviewDto['recipients'] & { smtpUtf8: number } {
  const anyChannel = channels.map(reachableSql).join(' OR ') || '0';
  return sqlite
    .prepare(
      `SELECT COUNT(*) FILTER (WHERE ${reachableSql('sms')}) AS sms, COUNT(*) FILTER (WHERE ${reachableSql('email')}) AS email,
              COUNT(*) FILTER (WHERE ${reachableSql('push')}) AS push, COUNT(*) FILTER (WHERE ${anyChannel}) AS total,
              COUNT(*) FILTER (WHERE ${reachableSql('email')} AND ${NEEDS_SMTPUTF8_SQL}) AS smtpUtf8
         FROM contacts WHERE ${audience.sql}`,
    )
    .get(...audience.params) as BroadcastReviewDto['recipients'] & { smtpUtf8: number };
}

/**
 * The exact number of segments each step's texts cost: every recipient's text is rendered, as sent.
 * Texts that render the same are counted once (a message without tokens is counted once in all).
 */
function smsSegmentsPerStep(sqlite: Database.Database, audience: SqlCondition, steps: readonly StepDraft[], settings: SettingsDto): number[] {
  const totals = steps.map(() => 0);
  const cache = new Map<string, number>();
  const salon = { name: settings.salonName, postalAddress: settings.postalAddress };
  const rows = sqlite
    .prepare(
      `SELECT name, first_name AS firstName, last_name AS lastName, custom_fields AS customFields
         FROM contacts WHERE ${reachableSql('sms')} AND (${audience.sql})`,
    )
    .iterate(...audience.params) as Iterable<{ name: string; firstName: string | null; lastName: string | null; customFields: string }>;
  for (const recipient of rows) {
    const values = tokenValues(recipient, salon);
    steps.forEach((step, index) => {
      const text = composeSms(step.sms, values);
      let segments = cache.get(text);
      if (segments === undefined) {
        segments = countSmsSegments(text).segments;
        cache.set(text, segments);
      }
      totals[index] = (totals[index] ?? 0) + segments;
    });
  }
  return totals;
}

function nameProblems(draft: BroadcastDraft): InputIssue[] {
  return draft.name.trim() === '' ? [{ path: 'name', message: 'Give the broadcast a name' }] : [];
}

const CONTENT_SCHEMAS = { sms: smsContentSchema, email: emailContentSchema, push: pushContentSchema } as const;

/** Missing or too long content, unknown tokens and an oversized push, on the field concerned. */
function contentProblems(step: StepDraft, index: number, channels: readonly TemplateChannel[], customFields: readonly string[]): InputIssue[] {
  return channels.flatMap((channel) => {
    const content = contentFor(step, channel);
    const prefix = `steps.${index}.${channel}`;
    const day = `Day ${index + 1}`;
    const parsed = (CONTENT_SCHEMAS[channel] as z.ZodType).safeParse(content);
    const issues: InputIssue[] = parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ path: [prefix, ...issue.path].join('.'), message: `${day}: ${issue.message}` }));
    issues.push(...onDay(stepTokenIssues(step, [channel], customFields), index));
    if (channel === 'push' && Buffer.byteLength(JSON.stringify(content)) > PUSH_PAYLOAD_MAX_BYTES) {
      issues.push({ path: `${prefix}.body`, message: `${day}: the notification is too large for the push services` });
    }
    return issues;
  });
}

