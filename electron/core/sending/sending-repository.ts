import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SMTP_TLS_MODES } from '../../../shared/sending';
import type { Db } from '../../../db/open';
import { settings } from '../../../db/schema';

// Provider settings without their secrets (those live in the SecretStore). Kept in the settings
// table under their own keys, which settings.get never returns.

// Saved before these existed: not checked, and bound to Twilio's own address.
const credentialCheck = {
  checkedAt: z.string().nullable().default(null),
  uncheckedReason: z.string().nullable().default(null),
};

const twilioSchema = z.object({
  ...credentialCheck,
  /** The address the secret was saved for: it is not reused against another. */
  baseUrl: z.string().default('https://api.twilio.com'),
  accountSid: z.string(),
  authKind: z.enum(['token', 'apiKey']),
  apiKeySid: z.string().nullable(),
  from: z.string().nullable(),
  messagingServiceSid: z.string().nullable(),
  dailyCap: z.number().nullable(),
});

const smtpSchema = z.object({
  ...credentialCheck,
  host: z.string(),
  port: z.number(),
  tls: z.enum(SMTP_TLS_MODES),
  user: z.string(),
  fromName: z.string(),
  fromAddress: z.string(),
  replyTo: z.string().nullable(),
  perDay: z.number().nullable(),
});

const pushSchema = z.object({ publicKey: z.string(), subject: z.string() });

const SCHEMAS = { 'sending.live': z.boolean(), 'sending.twilio': twilioSchema, 'sending.smtp': smtpSchema, 'sending.push': pushSchema };
type Key = keyof typeof SCHEMAS;
type Value<K extends Key> = z.output<(typeof SCHEMAS)[K]>;

export type StoredTwilio = Value<'sending.twilio'>;
export type StoredSmtp = Value<'sending.smtp'>;
export type StoredPush = Value<'sending.push'>;

export interface SendingConfig {
  live: boolean;
  twilio: StoredTwilio | null;
  smtp: StoredSmtp | null;
  push: StoredPush | null;
}

export class SendingRepository {
  /** Bumped on every write, so whoever builds providers from this config knows to build again. */
  version = 0;

  constructor(private readonly db: Db) {}

  get(): SendingConfig {
    return {
      live: this.read('sending.live') ?? false,
      twilio: this.read('sending.twilio'),
      smtp: this.read('sending.smtp'),
      push: this.read('sending.push'),
    };
  }

  set<K extends Key>(key: K, value: Value<K> | null): void {
    if (value === null) {
      this.db.delete(settings).where(eq(settings.key, key)).run();
    } else {
      const json = JSON.stringify(value);
      this.db.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
    }
    this.version++;
  }

  private read<K extends Key>(key: K): Value<K> | null {
    const row = this.db.select().from(settings).where(eq(settings.key, key)).get();
    if (!row) return null;
    const parsed = SCHEMAS[key].safeParse(JSON.parse(row.value));
    return parsed.success ? (parsed.data as Value<K>) : null;
  }
}
