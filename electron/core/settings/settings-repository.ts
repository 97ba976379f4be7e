import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { SettingsDto } from '../../../shared/dto';
import { DEFAULT_QUIET_HOURS } from '../../../shared/schedule';
import type { Db } from '../../../db/open';
import { settings } from '../../../db/schema';

type SettingKey = keyof SettingsDto;

/** How each stored value is read back; a damaged value falls back to its default instead of failing. */
const storedSchema = {
  salonName: z.string(),
  postalAddress: z.string(),
  country: z.string().regex(/^[A-Z]{2}$/),
  timeZone: z.string(),
  sendingPaused: z.boolean(),
  startAtLogin: z.boolean(),
  quietHours: z.object({ start: z.string(), end: z.string() }),
  currency: z.string().regex(/^[A-Z]{3}$/),
  smsPricePerSegment: z.number().min(0),
  budgetCap: z.number().positive().nullable(),
  smsPerSecond: z.number().positive(),
  emailPerMinute: z.number().int().positive(),
  ownerPhone: z.string().nullable(),
  ownerEmail: z.string().nullable(),
  graceHours: z.number().positive(),
  frequencyCap: z.number().int().positive().nullable(),
} satisfies Record<SettingKey, z.ZodType>;

export function defaultSettings(): SettingsDto {
  const { locale, timeZone } = new Intl.DateTimeFormat().resolvedOptions();
  const region = new Intl.Locale(locale).maximize().region;
  return {
    salonName: 'My Salon',
    postalAddress: '',
    country: region && /^[A-Z]{2}$/.test(region) ? region : 'US',
    timeZone: timeZone || 'UTC',
    sendingPaused: false,
    startAtLogin: false,
    quietHours: DEFAULT_QUIET_HOURS,
    currency: 'USD',
    // Twilio's US price per segment at the time of writing; the owner sets their own.
    smsPricePerSegment: 0.0083,
    budgetCap: null,
    // A US long code's limit; a toll-free or short code allows more.
    smsPerSecond: 1,
    emailPerMinute: 20,
    ownerPhone: null,
    ownerEmail: null,
    graceHours: 2,
    // Two marketing messages a client per week: the limit most salon platforms suggest.
    frequencyCap: 2,
  };
}

export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(): SettingsDto {
    const stored = new Map(this.db.select().from(settings).all().map((row) => [row.key, row.value]));
    const result = defaultSettings();
    for (const key of Object.keys(storedSchema) as SettingKey[]) {
      const raw = stored.get(key);
      if (raw === undefined) continue;
      const parsed = storedSchema[key].safeParse(JSON.parse(raw));
      if (parsed.success) Object.assign(result, { [key]: parsed.data });
    }
    return result;
  }

  /** Write the given keys (already validated by the contract). Call inside a transaction. */
  set(patch: Partial<SettingsDto>): void {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const json = JSON.stringify(value);
      this.db
        .insert(settings)
        .values({ key, value: json })
        .onConflictDoUpdate({ target: settings.key, set: { value: json } })
        .run();
    }
  }

  isPaused(): boolean {
    const row = this.db.select().from(settings).where(eq(settings.key, 'sendingPaused')).get();
    return row ? JSON.parse(row.value) === true : false;
  }
}
