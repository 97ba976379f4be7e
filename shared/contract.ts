// The one list of everything the renderer can ask the core, and everything the core pushes back.
// Both transports (Electron IPC and the web host) and both sides (core handlers and the renderer's
// client) are typed from this file; the core validates every input with these schemas.
import { z } from 'zod';
import { audienceFilterSchema } from './audience';
import { birthdaySchema, CONSENT_CHANNELS, customFieldKey, isoDateSchema } from './contacts';
import {
  BROADCAST_TYPES,
  broadcastDraftSchema,
  MAX_STEPS,
  stepDraftSchema,
  type BroadcastReviewDto,
  type MessagePreviewDto,
} from './broadcasts';
import { BROADCAST_STATUSES, CHANNELS, DELIVERY_STATUSES } from './dto';
import type {
  AppInfoDto,
  AudienceSummaryDto,
  BroadcastActionEffectDto,
  BroadcastDto,
  BroadcastStatsDto,
  BroadcastStatus,
  ContactDetailDto,
  ContactDto,
  ContactListDto,
  DeliveryDto,
  PauseReason,
  SegmentDto,
  SettingsDto,
  TagDto,
} from './dto';
import {
  consentValuesSchema,
  DELIMITERS,
  ENCODINGS,
  IMPORT_ROW_KINDS,
  importConsentSchema,
  importTargetSchema,
  MAX_IMPORT_COLUMNS,
  MERGE_RULES,
  NAME_ORDERS,
} from './imports';
import type { ImportDto, ImportPreviewDto, ImportRowNoteDto } from './imports';
import { isEmailAddress } from './email-address';
import { method } from './method';
import { SMS_MAX_CHARS } from './sms-segments';
import { sendingMethods, SMS_PER_SECOND_MAX } from './sending';
import { templateMethods } from './templates';
import { trackingMethods } from './tracking';
import { watchedFileMethods } from './watched-file';
import { automationMethods } from './automations';
import type { RpcResult } from './errors';
import type { ReplyDto, SendingDto } from './sending';


const noInput = z.object({}).strict();
const id = z.number().int().positive();
const byId = z.object({ id }).strict();

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const tagName = z.string().trim().min(1, 'A tag needs a name').max(60, 'Keep tags under 60 characters');

const contactFields = {
  name: z.string().trim().min(1, 'Enter the client’s name').max(200, 'Keep the name under 200 characters'),
  firstName: optionalText(100),
  lastName: optionalText(100),
  birthday: birthdaySchema.nullable().optional(),
  clientSince: isoDateSchema.nullable().optional(),
  lastVisitAt: isoDateSchema.nullable().optional(),
  nextAppointmentAt: isoDateSchema.nullable().optional(),
  visitCount: z.number().int().min(0).max(100_000).nullable().optional(),
  totalSpentCents: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  notes: optionalText(5000),
  leadSource: optionalText(200),
  market: optionalText(200),
  product: optionalText(200),
  leadStatus: optionalText(200),
  state: optionalText(200),
  zip: optionalText(40),
  conversationStatus: optionalText(200),
  appointmentStatus: optionalText(200),
  customFields: z.record(customFieldKey, z.string().max(1000)).optional(),
  tags: z.array(tagName).max(100).optional(),
  /** As typed by the owner; the core normalises it to E.164 with the salon's country. Empty = none. */
  phone: z.string().trim().max(40, 'That phone number is too long').optional(),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'That email address is too long')
    .pipe(z.union([z.literal(''), z.string().refine(isEmailAddress, 'That email address does not look right')]))
    .optional(),
};

/** Clients picked one by one, or every client matching the list's search and filters but a few. */
const contactsTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1, 'Select at least one client').max(100_000) }).strict(),
  z
    .object({
      kind: z.literal('matching'),
      search: z.string().trim().max(200).default(''),
      filter: audienceFilterSchema.optional(),
      /** Only clients with this tag, as the list's tag picker. */
      tag: tagName.optional(),
      except: z.array(id).max(100_000).default([]),
    })
    .strict(),
]);
export type ContactsTarget = z.input<typeof contactsTarget>;

const consentReason = z.string().trim().min(3, 'Say why, e.g. “Asked in the salon to stop texts”').max(300);

const page = {
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
};

export const CONTACT_SORTS = ['name', 'createdAt', 'lastVisitAt', 'visitCount', 'totalSpentCents'] as const;
/** Base64 characters per upload piece: 512 KiB of file, well inside the web host's 1 MiB body limit. */
export const UPLOAD_CHUNK_CHARS = 699_052;

/** A later send time, 'YYYY-MM-DDTHH:mm' on the salon's clock; left out = send now. */


const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. US or GB');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 08:00');

export const settingsPatchSchema = z
  .object({
    salonName: z.string().trim().min(1, 'Enter the salon’s name').max(120),
    postalAddress: z.string().trim().max(300, 'Keep the address under 300 characters'),
    country: countryCode,
    timeZone: z.string().refine(isTimeZone, 'Pick a time zone from the list'),
    startAtLogin: z.boolean(),
    quietHours: z
      .object({ start: clockTime, end: clockTime })
      .strict()
      .refine(({ start, end }) => start < end, { message: 'Quiet hours must end after they start', path: ['end'] }),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, e.g. USD'),
    smsPricePerSegment: z.number().min(0, 'A price cannot be negative').max(1, 'That price per text is too high: check it'),
    budgetCap: z.number().positive('A budget cap must be above zero').max(1_000_000).nullable(),
    smsPerSecond: z.number().min(0.1, 'At least 0.1 texts per second').max(SMS_PER_SECOND_MAX, `At most ${SMS_PER_SECOND_MAX} texts per second`),
    emailPerMinute: z.number().int().min(1, 'At least 1 email per minute').max(10_000),
    /** Where test sends go: the owner's own mobile number and email. */
    ownerPhone: z.string().trim().max(40).nullable(),
    ownerEmail: z.email('Enter an email address like you@salon.com').trim().toLowerCase().max(254).nullable(),
    graceHours: z.number().min(0.25, 'At least a quarter of an hour').max(48, 'At most 48 hours'),
    frequencyCap: z.number().int('Use a whole number').min(1, 'At least 1 message a week').max(50, 'At most 50 messages a week').nullable(),
  })
  .partial()
  .strict();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const contract = {
  'app.info': method<AppInfoDto>()(noInput),

  'settings.get': method<SettingsDto>()(noInput),
  'settings.update': method<SettingsDto>()(settingsPatchSchema),
  'sending.setPaused': method<SettingsDto>()(z.object({ paused: z.boolean() }).strict()),

  'contacts.list': method<ContactListDto>()(
    z
      .object({
        search: z.string().trim().max(200).default(''),
        /** Only contacts matching this audience filter. */
        filter: audienceFilterSchema.optional(),
        /** Only contacts with this tag. */
        tag: tagName.optional(),
        sort: z.enum(CONTACT_SORTS).default('name'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        ...page,
      })
      .strict(),
  ),
  'contacts.get': method<ContactDetailDto>()(byId),
  'contacts.create': method<ContactDto>()(
    z
      .object({
        ...contactFields,
        /** What the client agreed to when added by hand; recorded in the consent log. */
        consent: z
          .object({ sms: z.enum(['granted', 'unknown']), email: z.enum(['granted', 'unknown']) })
          .strict()
          .default({ sms: 'unknown', email: 'unknown' }),
      })
      .strict(),
  ),
  /** Changes the fields given (null or '' clears one; a field left out is kept). Consent changes go
   *  through contacts.setConsent, which records why. */
  'contacts.update': method<ContactDto>()(z.object({ id, ...contactFields, name: contactFields.name.optional() }).strict()),
  'contacts.delete': method<{ id: number }>()(byId),
  /** The owner records an opt-in or opt-out by hand, with the reason. */
  'contacts.setConsent': method<ContactDetailDto>()(
    z
      .object({
        id,
        channel: z.enum(CONSENT_CHANNELS),
        status: z.enum(['granted', 'opted_out']),
        reason: consentReason,
      })
      .strict(),
  ),
  /** The same for many clients at once, on texts or emails: each change is logged per client. */
  'contacts.bulkConsent': method<{ changed: number }>()(
    z
      .object({
        target: contactsTarget,
        channel: z.enum(['sms', 'email']),
        status: z.enum(['granted', 'opted_out']),
        reason: consentReason,
      })
      .strict(),
  ),
  /** Write the clients to a CSV file in the data folder, to fetch with exports.chunk or exports.saveAs. */
  'contacts.export': method<{ fileId: string; fileName: string; rows: number }>()(
    z.object({ target: contactsTarget }).strict(),
  ),
  'contacts.bulkTag': method<{ changed: number }>()(
    z
      .object({
        target: contactsTarget,
        tag: tagName,
        action: z.enum(['add', 'remove']),
      })
      .strict(),
  ),
  'tags.list': method<TagDto[]>()(noInput),
  'customFields.list': method<string[]>()(noInput),

  /** Live count, reachability per channel and a sample, for the audience builder. */
  'audience.summary': method<AudienceSummaryDto>()(z.object({ filter: audienceFilterSchema }).strict()),
  'segments.list': method<SegmentDto[]>()(noInput),
  'segments.save': method<SegmentDto>()(
    z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1, 'Give the segment a name').max(100),
        filter: audienceFilterSchema,
      })
      .strict(),
  ),
  'segments.delete': method<{ id: number }>()(byId),

  /** Send a file to the core in pieces (base64); the first call without uploadId starts one. */
  'imports.upload': method<{ uploadId: string; bytes: number }>()(
    z
      .object({
        uploadId: z.string().regex(/^[\w-]{8,64}$/).optional(),
        fileName: z.string().trim().min(1).max(255),
        chunk: z.string().max(UPLOAD_CHUNK_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file piece is not base64'),
      })
      .strict(),
  ),
  'imports.preview': method<ImportPreviewDto>()(
    z
      .object({
        uploadId: z.string().regex(/^[\w-]{8,64}$/),
        encoding: z.enum(ENCODINGS).optional(),
        delimiter: z.enum(DELIMITERS).optional(),
      })
      .strict(),
  ),
  'imports.start': method<ImportDto>()(
    z
      .object({
        uploadId: z.string().regex(/^[\w-]{8,64}$/),
        encoding: z.enum(ENCODINGS),
        delimiter: z.enum(DELIMITERS),
        hasHeader: z.boolean(),
        /** One target per column, in column order. */
        mapping: z.array(importTargetSchema).min(1).max(MAX_IMPORT_COLUMNS),
        mergeRule: z.enum(MERGE_RULES),
        consent: importConsentSchema,
        /** What each value of the consent columns means; a value left out is read by the usual words. */
        consentValues: consentValuesSchema.default({}),
        /** Where the file's national numbers are from; left out: the salon's country. */
        country: countryCode.optional(),
        nameOrder: z.enum(NAME_ORDERS).default('auto'),
        /** Tags given to every imported client, e.g. "Imported from Fresha". */
        tags: z.array(tagName).max(20).default([]),
      })
      .strict(),
  ),
  /** The different values of one column in the whole file, most frequent first, for the consent value mapping. */
  'imports.columnValues': method<Array<{ value: string; rows: number }>>()(
    z
      .object({
        uploadId: z.string().regex(/^[\w-]{8,64}$/),
        encoding: z.enum(ENCODINGS),
        delimiter: z.enum(DELIMITERS),
        hasHeader: z.boolean(),
        column: z.number().int().min(0).max(MAX_IMPORT_COLUMNS - 1),
      })
      .strict(),
  ),
  /** Rows imported with a warning, or merged into a client, with line numbers (the first `limit`). */
  'imports.rows': method<{ rows: ImportRowNoteDto[]; total: number }>()(
    z.object({ id, kind: z.enum(['warning', 'merged']), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
  ),
  'imports.get': method<ImportDto>()(byId),
  /** Stop a running import: nothing of it is written. */
  'imports.cancel': method<ImportDto>()(byId),
  /** The rejected rows (or those with warnings, or merged) with line numbers and reasons, as a CSV file's text. */
  'imports.rejectedCsv': method<{ fileName: string; csv: string }>()(
    z.object({ id, kind: z.enum(IMPORT_ROW_KINDS).default('rejected') }).strict(),
  ),

  'broadcasts.list': method<BroadcastDto[]>()(
    z
      .object({
        search: z.string().trim().max(200).default(''),
        status: z.enum(BROADCAST_STATUSES).optional(),
        sort: z.enum(['created', 'name', 'launched']).default('created'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        /** Automations' runs are listed on their automation's page, not here, unless asked for. */
        automationId: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  'broadcasts.get': method<BroadcastDto>()(byId),
  /** Create a draft (no id) or replace a draft's content; unfinished content is kept as it is. */
  'broadcasts.saveDraft': method<BroadcastDto>()(z.object({ id: id.optional(), draft: broadcastDraftSchema }).strict()),
  /** A draft nobody will send. */
  'broadcasts.deleteDraft': method<{ id: number }>()(byId),
  /** Recipients, timeline, segments, cost, sending time and what to fix, as launching now would do. */
  'broadcasts.review': method<BroadcastReviewDto>()(byId),
  /** A step's content exactly as one client would get it; the first matching client when none is picked. */
  'broadcasts.preview': method<MessagePreviewDto>()(
    z
      .object({
        type: z.enum(BROADCAST_TYPES),
        step: stepDraftSchema,
        audience: audienceFilterSchema,
        contactId: id.optional(),
      })
      .strict(),
  ),
  /** Send one step's message to the owner's own phone or email (from Settings), rendered for `contactId`. */
  'broadcasts.testSend': method<{ to: string; message: string }>()(
    z
      .object({
        id,
        day: z.number().int().min(1).max(MAX_STEPS),
        channel: z.enum(CHANNELS),
        contactId: id.optional(),
      })
      .strict(),
  ),
  /** Take a scheduled broadcast back to a draft to change it, while none of it has gone out. */
  'broadcasts.edit': method<BroadcastDto>()(byId),
  /** Snapshots the audience and queues every delivery; sending starts at once, or at the step's time. */
  'broadcasts.launch': method<BroadcastDto>()(byId),
  /** What pausing, resuming or cancelling would do to the messages not yet sent: ask before acting. */
  'broadcasts.effect': method<BroadcastActionEffectDto>()(
    z.object({ id, action: z.enum(['pause', 'resume', 'cancel']) }).strict(),
  ),
  'broadcasts.pause': method<BroadcastDto>()(byId),
  'broadcasts.resume': method<BroadcastDto>()(byId),
  /** Messages not yet sent are dropped for good; those already sent are not recalled. */
  'broadcasts.cancel': method<BroadcastDto>()(byId),
  /** A new draft with the same audience and content, to send again or adapt. */
  'broadcasts.duplicate': method<BroadcastDto>()(byId),
  'broadcasts.deliveries': method<{ total: number; deliveries: DeliveryDto[] }>()(
    z.object({ id, ...page, status: z.enum(DELIVERY_STATUSES).optional() }).strict(),
  ),
  /**
   * Send again a message whose fate is unknown (an email cut off after the mail server had it, a push
   * with no answer): only on the owner's word, since the client may already have it.
   */
  'broadcasts.resendUnknown': method<BroadcastDto>()(z.object({ deliveryId: id }).strict()),
  /** A step that came due while the app was closed or asleep, beyond the grace window: send it now. */
  'broadcasts.sendMissed': method<BroadcastDto>()(z.object({ id, day: z.number().int().min(1).max(MAX_STEPS) }).strict()),
  /** ...or skip it: its messages are not sent. */
  'broadcasts.skipMissed': method<BroadcastDto>()(z.object({ id, day: z.number().int().min(1).max(MAX_STEPS) }).strict()),

  ...sendingMethods,

  ...templateMethods,

  ...trackingMethods,

  ...watchedFileMethods,

  ...automationMethods,
} as const;

export { SMS_MAX_CHARS };
export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type MethodArgs<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** Events the core pushes to every window, with the same names on both transports. */
export interface Events {
  /** A broadcast's numbers moved, or it paused, resumed, finished, or a step was held as missed. */
  'broadcast.progress': {
    broadcastId: number;
    status: BroadcastStatus;
    pausedReason: PauseReason | null;
    /** Steps waiting for the owner to send now or skip. */
    missedSteps: number;
    stats: BroadcastStatsDto;
  };
  'settings.changed': SettingsDto;
  'import.progress': ImportDto;
  /** Many contacts changed at once (an import, a bulk tag): lists should reload. */
  'contacts.changed': { reason: 'import' | 'bulk' | 'opt_out' };
  /** Settings -> Sending changed (a provider saved, live switched, a secret store warning). */
  'sending.changed': SendingDto;
  /** A client texted the salon's number. */
  'reply.received': ReplyDto;
}
export type EventName = keyof Events;

/** What the preload exposes as window.salon, and what the browser client installs in its place. */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<RpcResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
