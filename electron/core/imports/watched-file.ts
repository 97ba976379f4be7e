// The watched file: the booking system's nightly export, imported again at the owner's time with the
// choices of an import they made. A run that cannot import the file says why and the next one tries again.
import { accessSync, constants, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { MethodArgs } from '../../../shared/contract';
import { WATCHED_RUNS_LISTED, type WatchedFileDto } from '../../../shared/watched-file';
import type { Clock } from '../clock';
import { AppError, invalidInput, notFound } from '../errors';
import type { Logger } from '../log';
import type { SettingsRepository } from '../settings/settings-repository';
import type { Imports } from './imports-handlers';
import { MAX_UPLOAD_BYTES } from './uploads';
import { nextTimeOfDay } from './watch-schedule';
import { WatchedFileStore, type StoredWatch } from './watched-file-store';

export interface WatchedFileDeps {
  store: WatchedFileStore;
  importing: Imports;
  settings: SettingsRepository;
  clock: Clock;
  log: Logger;
}

/** How often the schedule is looked at: the owner's time is to the minute. */
const CHECK_EVERY_MS = 60_000;

/** What one run came to: an import started, a reason it could not, or a file still being written. */
type RunOutcome = { importId: number } | { error: string } | 'being_written';

export class WatchedFile {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: WatchedFileDeps) {}

  /** Check now (a run missed while the app was closed happens once, here), then every minute. */
  start(): void {
    if (this.timer) return;
    this.check();
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Run the watch if its time has come since the last run. Never throws: it runs from a timer. */
  check(): void {
    try {
      const watch = this.deps.store.get();
      if (watch && this.nextRunAt(watch).getTime() <= this.deps.clock.now().getTime()) this.run(watch);
    } catch (error) {
      this.deps.log.error('watched file check failed', { error: error instanceof Error ? error.stack : String(error) });
    }
  }

  get(): WatchedFileDto | null {
    const watch = this.deps.store.get();
    return watch && this.toDto(watch);
  }

  /** Watch `path` with the choices of finished import `importId`, from now on. */
  set({ importId, path, time }: MethodArgs<'imports.watched.set'>): WatchedFileDto {
    checkWatchablePath(path);
    const { imports } = this.deps.importing;
    const source = imports.get(importId);
    const saved = imports.options(importId);
    if (!source || !saved) throw notFound('That import');
    if (source.status !== 'completed') {
      throw new AppError('conflict', 'Only an import that finished can be repeated every night. Import the file first.');
    }
    const { headers, watchedPath: _previousWatch, ...options } = saved;
    const watch: StoredWatch = {
      path,
      time,
      fromImportId: importId,
      options,
      headers,
      handledThrough: this.deps.clock.now().toISOString(),
      lastRunAt: null,
      lastImportId: null,
      lastError: null,
    };
    this.deps.store.put(watch);
    return this.toDto(watch);
  }

  clear(): void {
    this.deps.store.clear();
  }

  /** Import the file now; the schedule stays as it was. */
  runNow(): WatchedFileDto {
    const watch = this.deps.store.get();
    if (!watch) throw notFound('The nightly import');
    const outcome = this.importFile(watch);
    return this.toDto(this.record(watch, outcome === 'being_written' ? { error: BEING_WRITTEN_NOW } : outcome, watch.handledThrough));
  }

  private run(watch: StoredWatch): void {
    const outcome = this.importFile(watch);
    // A file caught mid-write is read again at the next check, not the next night.
    const handledThrough = outcome === 'being_written' ? watch.handledThrough : this.deps.clock.now().toISOString();
    this.record(watch, outcome, handledThrough);
  }

  private record(watch: StoredWatch, outcome: RunOutcome, handledThrough: string): StoredWatch {
    const updated: StoredWatch = {
      ...watch,
      handledThrough,
      lastRunAt: this.deps.clock.now().toISOString(),
      lastImportId: typeof outcome === 'object' && 'importId' in outcome ? outcome.importId : watch.lastImportId,
      lastError: outcome === 'being_written' ? BEING_WRITTEN : 'error' in outcome ? outcome.error : null,
    };
    if (updated.lastError) this.deps.log.warn('watched file not imported', { path: watch.path, reason: updated.lastError });
    this.deps.store.put(updated);
    return updated;
  }

  /** Copy the file into the uploads, as an upload would be, and start its import there. */
  private importFile(watch: StoredWatch): RunOutcome {
    const { uploads, start } = this.deps.importing;
    const read = readSteadily(watch.path);
    if (read === 'being_written' || 'error' in read) return read;
    const uploadId = uploads.save(basename(watch.path), read.bytes);
    try {
      return { importId: start({ ...watch.options, uploadId }, { path: watch.path, headers: watch.headers }).id };
    } catch (error) {
      uploads.remove(uploadId);
      if (error instanceof AppError) return { error: error.message };
      this.deps.log.error('watched file import failed', { error: error instanceof Error ? error.stack : String(error) });
      return { error: 'The import stopped on an unexpected problem and changed no client. The details were written to the log.' };
    }
  }

  private nextRunAt(watch: StoredWatch): Date {
    return nextTimeOfDay(watch.time, this.deps.settings.get().timeZone, new Date(watch.handledThrough));
  }

  private toDto(watch: StoredWatch): WatchedFileDto {
    return {
      path: watch.path,
      fileName: basename(watch.path),
      time: watch.time,
      options: watch.options,
      fromImportId: watch.fromImportId,
      lastRunAt: watch.lastRunAt,
      lastImportId: watch.lastImportId,
      lastError: watch.lastError,
      nextRunAt: this.nextRunAt(watch).toISOString(),
      runs: this.deps.importing.imports.watchedRuns(WATCHED_RUNS_LISTED),
    };
  }
}

const BEING_WRITTEN = 'The file was being written when the app read it. It is read again in a minute.';
const BEING_WRITTEN_NOW = 'The file was being written when the app read it. Wait a minute, then run it again.';

/** Refuse, in words, a path the app could not import from: it is typed by hand, so anything can come. */
function checkWatchablePath(path: string): void {
  const refuse = (message: string) => invalidInput([{ path: 'path', message }]);
  if (!isAbsolute(path)) throw refuse('Enter the file’s full path, from the drive or the top folder, e.g. C:\\Exports\\clients.csv or /Users/you/clients.csv.');
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    throw refuse('There is no file at that path. Check the folder and the file’s name.');
  }
  if (stats.isDirectory()) throw refuse('That is a folder. Enter the path of the CSV file in it.');
  if (!stats.isFile()) throw refuse('That is not a file the app can import. Enter the path of a CSV file.');
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw refuse('The app is not allowed to read that file. Check who may open it.');
  }
}

/**
 * The file's bytes, read whole; 'being_written' when its size or time changed during the read (the
 * booking system was saving it then). A file that cannot be read gives the reason in words.
 */
function readSteadily(path: string): { bytes: Buffer } | { error: string } | 'being_written' {
  const name = basename(path);
  try {
    const before = statSync(path);
    if (!before.isFile()) return { error: `${path} is no longer a file. Set the nightly import again with the file’s path.` };
    if (before.size > MAX_UPLOAD_BYTES) return { error: `${name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, too large to import.` };
    const bytes = readFileSync(path);
    const after = statSync(path);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || bytes.length !== before.size) return 'being_written';
    if (bytes.length === 0) return { error: `${name} is empty. Check that your booking system still exports your clients into it.` };
    return { bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return { error: `${name} was not found at ${path}. Check that your booking system still saves its export there; the app tries again at the next run.` };
    }
    if (code === 'EACCES' || code === 'EPERM') return { error: `The app is not allowed to read ${path}. Check who may open it.` };
    return { error: `The app could not read ${path} (${code ?? 'unknown problem'}). It tries again at the next run.` };
  }
}
