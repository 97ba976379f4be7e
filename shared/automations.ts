// Automations: messages the app sends by itself when a client's data says it is time (a birthday
// coming, a visit long ago). Five ready-made ones ship, all off until the owner turns them on.
// Each run of an automation is a broadcast of its own (BroadcastDto.automationId), so its messages
// are tracked, counted and reported like any other.
import { z } from 'zod';
import { audienceFilterSchema } from './audience';
import type { DeliveryCountsDto } from './tracking';
import { SMS_MAX_CHARS } from './sms-segments';
import { method } from './method';

export const AUTOMATION_KINDS = ['birthday', 'rebook', 'win_back', 'first_visit', 'welcome'] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];

/** The channels an automation may write for (push needs a subscription the client chose in a browser: not automated). */
export const AUTOMATION_TYPES = ['sms', 'email', 'sms_email'] as const;
export type AutomationType = (typeof AUTOMATION_TYPES)[number];

/** What an automation's number of days means, per kind, for the form and the descriptions. */
export const AUTOMATION_DAYS_MEANING: Record<AutomationKind, string> = {
  birthday: 'days before the birthday',
  rebook: 'days after the last visit',
  win_back: 'days since the last visit',
  first_visit: 'days after the first visit',
  welcome: 'days after the client is added',
};

const id = z.number().int().positive();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 10:00');
const tooLong = (what: string, max: number) => `Keep the ${what} under ${max.toLocaleString('en-US')} characters`;

/** What the owner edits. Wording is saved as typed; turning an automation on checks it is complete. */
export const automationEditSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the automation a name').max(120, tooLong('name', 120)),
    type: z.enum(AUTOMATION_TYPES),
    /** The kind's number of days (see AUTOMATION_DAYS_MEANING). */
    days: z.number().int('Use whole days').min(0, 'At least 0 days').max(365, 'At most 365 days'),
    /** Who it may reach, on top of its trigger: the same builder as audiences. */
    audience: audienceFilterSchema,
    sms: z.object({ body: z.string().max(SMS_MAX_CHARS, tooLong('text', SMS_MAX_CHARS)), optOutLine: z.boolean() }).strict(),
    email: z
      .object({
        subject: z.string().max(200, tooLong('subject', 200)),
        body: z.string().max(100_000, tooLong('email', 100_000)),
      })
      .strict(),
    /** On the salon's clock; null: as soon as the trigger fires (inside quiet hours). */
    sendTime: clockTime.nullable(),
    /** Left out of the weekly frequency cap (and not counted toward it), as Boulevard treats birthdays. */
    exemptFromCap: z.boolean(),
    /** Skip a client whose next appointment is known and still to come. */
    skipIfBooked: z.boolean(),
    /** Skip a client who visited within this many days; null: no such rule. */
    skipIfVisitedWithinDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days').nullable(),
  })
  .strict();
export type AutomationEdit = z.output<typeof automationEditSchema>;

export interface AutomationDto extends AutomationEdit {
  id: number;
  kind: AutomationKind;
  enabled: boolean;
  /** When it was last turned on: triggers count from then, so turning on never floods past occasions. */
  enabledAt: string | null;
  /** The last salon day whose triggers were looked at ('YYYY-MM-DD'). */
  evaluatedThrough: string | null;
  /** In words, e.g. "7 days before the birthday, at 10:00". */
  description: string;
  /** What turning it on needs first (e.g. "Write the text"); empty when it can run. */
  problems: string[];
}

/** One automation decision for one client and occasion: queued to send, or skipped with why. */
export interface AutomationDecisionDto {
  automationId: number;
  automationName: string;
  contactId: number;
  contactName: string;
  /** What it was for: the birthday's year, the visit date, or "welcome". */
  occasion: string;
  decidedAt: string;
  outcome: 'sent' | 'skipped';
  /** Why it was skipped, in plain words; for a queued one, null (its messages tell the rest). */
  reason: string | null;
  /** The run (a broadcast) that carries its messages. */
  broadcastId: number | null;
}

export interface AutomationPreviewDto {
  /** Clients it would reach over the next 7 days, with who they are and when. */
  total: number;
  reach: { sms: number; email: number };
  /** Would be skipped by the automation's rules, the cap aside. */
  skipped: number;
  /** `date`: the salon day it would go; `occasion`: the birthday or visit date it is for ('YYYY-MM-DD'). */
  sample: Array<{ contactId: number; name: string; date: string; occasion: string }>;
}

export interface AutomationMonthDto {
  /** 'YYYY-MM' in the salon's zone. */
  month: string;
  counts: DeliveryCountsDto;
  cost: number;
}

export interface AutomationStatsDto {
  totals: DeliveryCountsDto;
  cost: number;
  currency: string;
  months: AutomationMonthDto[];
  skipped: number;
}

/** A day of a rehearsal: who would get what, who would be skipped and why, and what it would cost. */
export interface RehearsalDayDto {
  date: string;
  sends: Array<{ contactId: number; name: string; channels: Array<'sms' | 'email'> }>;
  skips: Array<{ contactId: number; name: string; reason: string }>;
  cost: number;
}

export interface RehearsalDto {
  automationId: number;
  days: RehearsalDayDto[];
  totals: { sends: number; skips: number; cost: number; currency: string };
}

export const automationMethods = {
  'automations.list': method<AutomationDto[]>()(z.object({}).strict()),
  'automations.get': method<AutomationDto>()(z.object({ id }).strict()),
  'automations.update': method<AutomationDto>()(z.object({ id, automation: automationEditSchema }).strict()),
  /** Turn it on (refused while `problems` are left) or off. */
  'automations.setEnabled': method<AutomationDto>()(z.object({ id, enabled: z.boolean() }).strict()),
  /** Who it would reach this week with these settings (saved or not). */
  'automations.preview': method<AutomationPreviewDto>()(z.object({ id, automation: automationEditSchema.optional() }).strict()),
  'automations.stats': method<AutomationStatsDto>()(z.object({ id }).strict()),
  /** Its decisions, newest first: who got it, who was skipped and why. */
  'automations.history': method<{ items: AutomationDecisionDto[]; next: string | null }>()(
    z.object({ id, after: z.string().max(200).optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  ),
  /** Every automation decision about one client, newest first: the "why not sent" log. */
  'contacts.automationLog': method<AutomationDecisionDto[]>()(z.object({ id }).strict()),
  /** Sandbox only: run it over today's clients on a simulated clock for 30 days; nothing is sent or saved. */
  'automations.rehearse': method<RehearsalDto>()(z.object({ id, days: z.number().int().min(1).max(90).default(30) }).strict()),
} as const;
