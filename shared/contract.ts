// The one list of everything the renderer can ask the core, and everything the core pushes back.
// Both transports (Electron IPC and the web host) and both sides (core handlers and the renderer's
// client) are typed from this file; the core validates every input with these schemas.
import { z } from 'zod';
import type {
  AppInfoDto,
  AudienceCountDto,
  BroadcastDto,
  BroadcastStatsDto,
  BroadcastStatus,
  ContactDto,
  ContactListDto,
  DeliveryDto,
  SettingsDto,
} from './dto';
import { CHANNELS } from './dto';
import type { RpcResult } from './errors';

/** A method: its input schema, and its output type (a type-only marker, never set at run time). */
export interface Method<I extends z.ZodType, O> {
  input: I;
  output?: O;
}
// Curried so the output type can be named while the input type is inferred from the schema.
const method =
  <O>() =>
  <I extends z.ZodType>(input: I): Method<I, O> => ({ input });

const noInput = z.object({}).strict();
const id = z.number().int().positive();
const byId = z.object({ id }).strict();

const contactFields = {
  name: z.string().trim().min(1, 'Enter the client’s name').max(200, 'Keep the name under 200 characters'),
  /** As typed by the owner; the core normalises it to E.164 with the salon's country. Empty = none. */
  phone: z.string().trim().max(40, 'That phone number is too long').default(''),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'That email address is too long')
    .pipe(z.union([z.literal(''), z.email('That email address does not look right')]))
    .default(''),
};

const page = {
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
};

const broadcastName = z.string().trim().min(1, 'Give the broadcast a name').max(120);
export const SMS_MAX_CHARS = 1600;

export const settingsPatchSchema = z
  .object({
    salonName: z.string().trim().min(1, 'Enter the salon’s name').max(120),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. US or GB'),
    timeZone: z.string().refine(isTimeZone, 'Pick a time zone from the list'),
    startAtLogin: z.boolean(),
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
    z.object({ search: z.string().trim().max(200).default(''), ...page }).strict(),
  ),
  'contacts.create': method<ContactDto>()(z.object(contactFields).strict()),
  'contacts.update': method<ContactDto>()(z.object({ id, ...contactFields }).strict()),
  'contacts.delete': method<{ id: number }>()(byId),

  'audience.count': method<AudienceCountDto>()(z.object({ channel: z.enum(CHANNELS) }).strict()),

  'broadcasts.list': method<BroadcastDto[]>()(noInput),
  'broadcasts.get': method<BroadcastDto>()(byId),
  'broadcasts.create': method<BroadcastDto>()(
    z.discriminatedUnion('channel', [
      z
        .object({
          name: broadcastName,
          channel: z.literal('sms'),
          body: z
            .string()
            .trim()
            .min(1, 'Write the message')
            .max(SMS_MAX_CHARS, `Keep a text under ${SMS_MAX_CHARS} characters`),
        })
        .strict(),
      z
        .object({
          name: broadcastName,
          channel: z.literal('email'),
          subject: z.string().trim().min(1, 'Write a subject line').max(200),
          body: z.string().trim().min(1, 'Write the message').max(100_000),
        })
        .strict(),
    ]),
  ),
  /** Snapshots the audience and queues every delivery; sending starts at once. */
  'broadcasts.launch': method<BroadcastDto>()(byId),
  'broadcasts.deliveries': method<{ total: number; deliveries: DeliveryDto[] }>()(
    z.object({ id, ...page }).strict(),
  ),
} as const;

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
  'broadcast.progress': { broadcastId: number; status: BroadcastStatus; stats: BroadcastStatsDto };
  'settings.changed': SettingsDto;
}
export type EventName = keyof Events;

/** What the preload exposes as window.salon, and what the browser client installs in its place. */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<RpcResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
