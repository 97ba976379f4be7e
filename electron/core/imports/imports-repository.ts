import { desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { MethodArgs } from '../../../shared/contract';
import type { ImportDto, ImportStatus, ImportSummaryDto } from '../../../shared/imports';
import type { Db } from '../../../db/open';
import { imports } from '../../../db/schema';

/**
 * The owner's choices as kept with the import, plus the header names for the rejected-rows file, and
 * the watched file's path when its schedule ran the import.
 */
export type ImportOptions = Omit<MethodArgs<'imports.start'>, 'uploadId'> & { headers: string[]; watchedPath?: string };

const FROM_WATCHED_FILE = sql`json_extract(${imports.options}, '$.watchedPath') IS NOT NULL`;
const DTO_COLUMNS = { ...getTableColumns(imports), fromWatchedFile: sql<number>`${FROM_WATCHED_FILE}` };

export class ImportsRepository {
  constructor(private readonly db: Db) {}

  create(fileName: string, options: ImportOptions, total: number, at: Date): number {
    return this.db
      .insert(imports)
      .values({ fileName, status: 'running', options: JSON.stringify(options), total, startedAt: at.toISOString() })
      .returning({ id: imports.id })
      .get().id;
  }

  get(id: number): ImportDto | undefined {
    const row = this.db.select(DTO_COLUMNS).from(imports).where(eq(imports.id, id)).get();
    return row && toDto(row);
  }

  /** The watched file's latest runs, newest first. */
  watchedRuns(limit: number): ImportDto[] {
    return this.db.select(DTO_COLUMNS).from(imports).where(FROM_WATCHED_FILE).orderBy(desc(imports.id)).limit(limit).all().map(toDto);
  }

  options(id: number): ImportOptions | undefined {
    const row = this.db.select({ options: imports.options }).from(imports).where(eq(imports.id, id)).get();
    return row && (JSON.parse(row.options) as ImportOptions);
  }

  setProcessed(id: number, processed: number): void {
    this.db.update(imports).set({ processed }).where(eq(imports.id, id)).run();
  }

  /** A running import ends: completed with its summary, or cancelled or failed with the reason. */
  finish(
    id: number,
    status: Exclude<ImportStatus, 'running'>,
    at: Date,
    result: { summary?: ImportSummaryDto; error?: string } = {},
  ): void {
    this.db
      .update(imports)
      .set({
        status,
        finishedAt: at.toISOString(),
        summary: result.summary ? JSON.stringify(result.summary) : null,
        error: result.error ?? null,
      })
      .where(eq(imports.id, id))
      .run();
  }

  runningIds(): number[] {
    return this.db
      .select({ id: imports.id })
      .from(imports)
      .where(eq(imports.status, 'running'))
      .all()
      .map((row) => row.id);
  }
}

function toDto(row: typeof imports.$inferSelect & { fromWatchedFile: number }): ImportDto {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    processed: row.processed,
    total: row.total,
    summary: row.summary ? (JSON.parse(row.summary) as ImportSummaryDto) : null,
    error: row.error,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    fromWatchedFile: row.fromWatchedFile === 1,
  };
}
