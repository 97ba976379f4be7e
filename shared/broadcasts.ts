// A broadcast as the wizard edits it: a type, an audience and one or more steps (Day 1, Day 2, ...),
// each with content for the type's channels and an optional send time on the salon's clock.
// Drafts are saved at every change, so these schemas accept unfinished content; the review says what
// is missing before launch.
import { z } from 'zod';
import { audienceFilterSchema, EVERYONE, type AudienceFilter } from './audience';
import type { InputIssue } from './errors';
import type { ScheduledTime } from './schedule';
import { SMS_MAX_CHARS, type SmsSegments } from './sms-segments';
import { PUSH_BODY_MAX_CHARS, PUSH_TITLE_MAX_CHARS, type TemplateChannel } from './templates';

export const BROADCAST_TYPES = ['sms', 'email', 'sms_email', 'push'] as const;
export type BroadcastType = (typeof BROADCAST_TYPES)[number];

/** The channels each type writes content for. */
export const TYPE_CHANNELS: Record<BroadcastType, readonly TemplateChannel[]> = {
  sms: ['sms'],
  email: ['email'],
  sms_email: ['sms', 'email'],
  push: ['push'],
};

export const MAX_STEPS = 14;
/** The push services refuse a payload over 4 KB once encrypted; the JSON we send must stay under this. */
export const PUSH_PAYLOAD_MAX_BYTES = 3_800;

const tooLong = (what: string, max: number) => `Keep the ${what} under ${max.toLocaleString('en-US')} characters`;
const id = z.number().int().positive();
/** 'YYYY-MM-DDTHH:mm' on the salon's clock. */
export const localTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Pick a date and a time');

export const stepDraftSchema = z
  .object({
    sms: z
      .object({
        body: z.string().max(SMS_MAX_CHARS, tooLong('text', SMS_MAX_CHARS)),
        /** "Reply STOP to opt out" is added unless the owner removes it knowingly. */
        optOutLine: z.boolean(),
      })
      .strict(),
    email: z
      .object({
        subject: z.string().max(200, tooLong('subject', 200)),
        /** Markdown: sent as HTML with a plain-text part. */
        body: z.string().max(100_000, tooLong('email', 100_000)),
      })
      .strict(),
    push: z
      .object({
        title: z.string().max(PUSH_TITLE_MAX_CHARS, tooLong('title', PUSH_TITLE_MAX_CHARS)),
        body: z.string().max(PUSH_BODY_MAX_CHARS, tooLong('message', PUSH_BODY_MAX_CHARS)),
        url: z.string().max(2000, 'That link is too long'),
      })
      .strict(),
    /** When the step goes out; null: Day 1 at launch, Day N at Day 1's time N-1 days later. */
    sendAt: localTimeSchema.nullable(),
  })
  .strict();
export type StepDraft = z.output<typeof stepDraftSchema>;

export const broadcastDraftSchema = z
  .object({
    name: z.string().trim().max(120, tooLong('name', 120)),
    type: z.enum(BROADCAST_TYPES),
    audience: z
      .object({
        /** The saved segment the filter came from; the filter is what is used (segments are dynamic). */
        segmentId: id.nullable(),
        filter: audienceFilterSchema,
      })
      .strict(),
    steps: z.array(stepDraftSchema).min(1).max(MAX_STEPS, `A sequence has at most ${MAX_STEPS} steps`),
  })
  .strict();
export type BroadcastDraft = z.output<typeof broadcastDraftSchema>;

export function emptyStep(): StepDraft {
  return {
    sms: { body: '', optOutLine: true },
    email: { subject: '', body: '' },
    push: { title: '', body: '', url: '' },
    sendAt: null,
  };
}

export function emptyDraft(): BroadcastDraft {
  return { name: '', type: 'sms', audience: { segmentId: null, filter: EVERYONE as AudienceFilter }, steps: [emptyStep()] };
}

/** One step as launched: its content, when it goes (null until launched: "at launch") and its numbers. */
export interface StepDto extends StepDraft {
  day: number;
  /** The time the step was given at launch, after quiet hours; null for a draft. */
  schedule: ScheduledTime | null;
  /** When its first message went out; null until then. */
  startedAt: string | null;
  /** Set when the step came due more than the grace window late: it waits for "send now" or "skip". */
  missedAt: string | null;
}

/** Everything the Review step shows, and what launch checks again. */
export interface BroadcastReviewDto {
  /** What must be fixed before launch, with the path of the field (e.g. "steps.1.sms.body"). */
  problems: InputIssue[];
  recipients: { total: number; sms: number; email: number; push: number };
  steps: StepReviewDto[];
  totalSegments: number;
  totalCost: number;
  currency: string;
  pricePerSegment: number;
  /** Launch is refused when the estimated cost is above this; null: no cap. */
  budgetCap: number | null;
  overBudget: boolean;
  /** What launching will do that the owner should know, without stopping it (e.g. addresses few mail servers take). */
  warnings: string[];
}

export interface StepReviewDto {
  day: number;
  /** When it will go out; null: straight away at launch. */
  schedule: ScheduledTime | null;
  messages: Record<TemplateChannel, number>;
  smsSegments: number;
  cost: number;
  /** How long sending this step takes at the configured rate limits. */
  sendingSeconds: number;
}

/** A step's content exactly as one client gets it, per channel of the broadcast's type. */
export interface MessagePreviewDto {
  contact: { id: number; name: string } | null;
  sms?: { text: string; segments: SmsSegments };
  email?: { subject: string; text: string; html: string };
  push?: { title: string; body: string; url: string; payloadBytes: number };
}
