// The watched file: the CSV the owner's booking system exports every night, imported again with the
// choices of an import the owner already made, at a time of the salon's clock.
import { z } from 'zod';
import type { MethodArgs } from './contract';
import type { ImportDto } from './imports';
import { method } from './method';

/** The choices every run imports with: those of the import the watch was set up from. */
export type WatchedImportOptions = Omit<MethodArgs<'imports.start'>, 'uploadId'>;

export interface WatchedFileDto {
  /** The file's full path on this computer. */
  path: string;
  fileName: string;
  /** 'HH:MM' in the salon's time zone. */
  time: string;
  options: WatchedImportOptions;
  /** The import the choices came from. */
  fromImportId: number;
  lastRunAt: string | null;
  /** The import of the latest run that got as far as importing. */
  lastImportId: number | null;
  /** Why the latest run could not import the file, in words; null when it could. */
  lastError: string | null;
  nextRunAt: string;
  /** The watched file's runs in the import history, newest first. */
  runs: ImportDto[];
}

/** 'HH:MM', 00:00 to 23:59. */
export const watchTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 02:30');

/** How many of the watched file's runs the watch lists. */
export const WATCHED_RUNS_LISTED = 10;

const noInput = z.object({}).strict();

export const watchedFileMethods = {
  /** The watch, or null when no file is watched. */
  'imports.watched.get': method<{ watch: WatchedFileDto | null }>()(noInput),
  /** Watch a file from now on, with the choices of a finished import (replaces any earlier watch). */
  'imports.watched.set': method<WatchedFileDto>()(
    z
      .object({
        importId: z.number().int().positive(),
        /** Typed by the owner: the browser cannot pick a path on this computer. */
        path: z.string().trim().min(1, 'Enter where the file is, e.g. C:\\Exports\\clients.csv').max(4096),
        time: watchTimeSchema,
      })
      .strict(),
  ),
  /** Stop watching; the imports it made stay in the history. */
  'imports.watched.clear': method<{ watch: null }>()(noInput),
  /** Import the watched file now, whatever the time; the next scheduled run stays as it was. */
  'imports.watched.runNow': method<WatchedFileDto>()(noInput),
};
