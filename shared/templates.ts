// Saved messages per channel, to start a broadcast from. Their text may hold personalisation tokens.
import { z } from 'zod';
import { SMS_MAX_CHARS } from './sms-segments';
import type { InputIssue } from './errors';
import { method } from './method';
import { checkTemplate } from './personalise';

export const TEMPLATE_CHANNELS = ['sms', 'email', 'push'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export const PUSH_TITLE_MAX_CHARS = 65;
export const PUSH_BODY_MAX_CHARS = 240;

const text = (max: number, empty: string, tooLong: string) =>
  z.string({ error: empty }).trim().min(1, empty).max(max, tooLong);
const message = (max: number) => text(max, 'Write the message', `Keep the message under ${max.toLocaleString('en-US')} characters`);

export const smsContentSchema = z.object({ body: message(SMS_MAX_CHARS) }).strict();

export const emailContentSchema = z
  .object({
    subject: text(200, 'Write a subject line', 'Keep the subject under 200 characters'),
    /** Markdown. */
    body: message(100_000),
  })
  .strict();

export const pushContentSchema = z
  .object({
    title: text(PUSH_TITLE_MAX_CHARS, 'Write a title', `Keep the title under ${PUSH_TITLE_MAX_CHARS} characters`),
    body: message(PUSH_BODY_MAX_CHARS),
    /** Where tapping the notification goes, e.g. the booking page. */
    url: z
      .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'Use a web address starting with https://' })
      .trim()
      .max(2000, 'That link is too long')
      .optional(),
  })
  .strict();

const CONTENT_SCHEMAS = { sms: smsContentSchema, email: emailContentSchema, push: pushContentSchema } as const;
export type TemplateContent<C extends TemplateChannel = TemplateChannel> = z.output<(typeof CONTENT_SCHEMAS)[C]>;

/** The fields of each channel's content that may hold personalisation tokens. */
export const TOKEN_FIELDS = {
  sms: ['body'],
  email: ['subject', 'body'],
  push: ['title', 'body', 'url'],
} as const satisfies { [C in TemplateChannel]: ReadonlyArray<keyof TemplateContent<C>> };

export type TemplateDto = {
  [C in TemplateChannel]: {
    id: number;
    name: string;
    channel: C;
    content: TemplateContent<C>;
    createdAt: string;
    updatedAt: string;
  };
}[TemplateChannel];

const id = z.number().int().positive();
const byId = z.object({ id }).strict();
const templateName = z.string().trim().min(1, 'Give the template a name').max(100, 'Keep the name under 100 characters');

function saveInput<C extends TemplateChannel>(channel: C) {
  return z.object({ id: id.optional(), name: templateName, channel: z.literal(channel), content: CONTENT_SCHEMAS[channel] }).strict();
}

export const templateMethods = {
  'templates.list': method<TemplateDto[]>()(z.object({ channel: z.enum(TEMPLATE_CHANNELS).optional() }).strict()),
  'templates.get': method<TemplateDto>()(byId),
  /** Create (without id) or replace a template. Every token must name a field the app knows. */
  'templates.save': method<TemplateDto>()(z.discriminatedUnion('channel', [saveInput('sms'), saveInput('email'), saveInput('push')])),
  'templates.delete': method<{ id: number }>()(byId),
};

export type TemplateInput = z.output<(typeof templateMethods)['templates.save']['input']>;

/** Unknown tokens and stray braces, one issue each, on the field they are in (e.g. 'content.subject'). */
export function tokenIssues({ channel, content }: Pick<TemplateInput, 'channel' | 'content'>, customFields: readonly string[]): InputIssue[] {
  const fields: readonly string[] = TOKEN_FIELDS[channel];
  const texts: Record<string, string | undefined> = content;
  return fields.flatMap((field) =>
    checkTemplate(texts[field] ?? '', customFields).map((problem) => ({ path: `content.${field}`, message: problem.message })),
  );
}
