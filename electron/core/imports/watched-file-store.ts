import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { watchTimeSchema } from '../../../shared/watched-file';
import type { Db } from '../../../db/open';
import { settings } from '../../../db/schema';

const KEY = 'watchedFile';

const storedWatchSchema = z
  .object({
    path: z.string(),
    time: watchTimeSchema,
    fromImportId: z.number().int(),
    options: contract['imports.start'].input.omit({ uploadId: true }),
    /** The header row the mapping was made for: a run of a file with other columns is refused. */
    headers: z.array(z.string()),
    /** Scheduled runs up to this moment are done (or were missed and made up for): the next is after it. */
    handledThrough: z.iso.datetime(),
    lastRunAt: z.iso.datetime().nullable(),
    lastImportId: z.number().int().nullable(),
    lastError: z.string().nullable(),
  })
  .strict();
export type StoredWatch = z.infer<typeof storedWatchSchema>;

/** The watch, kept as one JSON value in the settings table under its own key. */
export class WatchedFileStore {
  constructor(private readonly db: Db) {}

  /** The watch; one stored by a version whose choices this one does not read is treated as none. */
  get(): StoredWatch | null {
    const row = this.db.select().from(settings).where(eq(settings.key, KEY)).get();
    if (!row) return null;
    const parsed = storedWatchSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  }

  put(watch: StoredWatch): void {
    const value = JSON.stringify(watch);
    this.db.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
  }

  clear(): void {
    this.db.delete(settings).where(eq(settings.key, KEY)).run();
  }
}
