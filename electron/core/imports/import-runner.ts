import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportTarget } from '../../../shared/imports';
import type { Db } from '../../../db/open';
import { recordAudit } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { ContactsRepository } from '../contacts/contacts-repository';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import type { ImportsRepository } from './imports-repository';
import { mergeRows, type MergeChoices } from './merge';
import { normaliseRow, type RowContext } from './normalise-row';
import type { TableRow } from './parse-table';
import type { ImportStaging, UsableRow } from './staging';
import type { UploadStore } from './uploads';

/** Rows read and staged between two turns of the event loop. */
const CHUNK_ROWS = 2000;

export interface ImportJob {
  id: number;
  uploadId: string;
  /** Emptied as the rows are read, so each row is held once. */
  rows: TableRow[];
  mapping: readonly ImportTarget[];
  context: RowContext;
  choices: MergeChoices;
}

export interface RunnerDeps {
  db: Db;
  contacts: ContactsRepository;
  imports: ImportsRepository;
  staging: ImportStaging;
  uploads: UploadStore;
  events: CoreEvents;
  clock: Clock;
  log: Logger;
}

const FAILED_MESSAGE = 'The import stopped on an unexpected problem and changed no client. The details were written to the log.';
const INTERRUPTED_MESSAGE = 'The app closed before the import finished, so no client was changed. Import the file again.';

/**
 * Runs imports in the background: rows are normalised a chunk at a time, yielding between chunks so
 * progress is reported and a cancel can land; then one transaction merges them into contacts.
 * Cancel or failure only clears the staged rejections, so no client changes unless the whole import completes.
 */
export class ImportRunner {
  private readonly cancelled = new Set<number>();

  constructor(private readonly deps: RunnerDeps) {}

  run(job: ImportJob): void {
    void this.process(job)
      .catch((error: unknown) => this.fail(job.id, error))
      .finally(() => {
        this.cancelled.delete(job.id);
        // Completed, failed or cancelled, the file has served: the staged rows hold what is kept.
        this.deps.uploads.remove(job.uploadId);
      });
  }

  /** Imports left running when the app last closed never reached their merge: end them as failed. */
  failInterrupted(): void {
    for (const id of this.deps.imports.runningIds()) this.end(id, 'failed', INTERRUPTED_MESSAGE);
  }

  /** Stop a running import now: its staged rows go and it ends as cancelled. */
  cancel(id: number): void {
    this.cancelled.add(id);
    this.end(id, 'cancelled');
  }

  private async process(job: ImportJob): Promise<void> {
    const started = performance.now();
    const total = job.rows.length;
    const usable: UsableRow[] = [];
    for (let start = 0; start < total; start += CHUNK_ROWS) {
      await nextTurn();
      if (this.abandoned(job.id)) return;
      const rejected = [];
      const warned = [];
      for (const row of job.rows.splice(0, CHUNK_ROWS)) {
        const result = row.rejection ? { contact: null, rejection: row.rejection, warnings: [] } : normaliseRow(row.cells, job.mapping, job.context);
        if (result.contact) usable.push({ line: row.line, raw: row.cells, contact: result.contact });
        else rejected.push({ line: row.line, raw: row.cells, rejection: result.rejection });
        if (result.warnings.length > 0) warned.push({ line: row.line, raw: row.cells, note: result.warnings.join(' ') });
      }
      this.deps.staging.reject(job.id, rejected);
      this.deps.staging.note(job.id, 'warning', warned);
      this.deps.imports.setProcessed(job.id, Math.min(total, start + CHUNK_ROWS));
      this.emitProgress(job.id);
    }
    await nextTurn();
    if (this.abandoned(job.id)) return;
    this.complete(job, usable);
    this.deps.log.info('import completed', { id: job.id, rows: total, ms: Math.round(performance.now() - started) });
  }

  /** Cancelled, or the core closed the database while the job waited (the next start cleans up). */
  private abandoned(id: number): boolean {
    return this.cancelled.has(id) || !this.deps.db.$client.open;
  }

  private complete(job: ImportJob, usable: readonly UsableRow[]): void {
    const { db, staging, imports, contacts, events, clock } = this.deps;
    const at = clock.now();
    db.$client
      .transaction(() => {
        const { keptOptedOut, ...counts } = mergeRows(contacts, usable, staging, job.id, job.choices, at);
        const summary = { ...counts, rejected: staging.rejectedCount(job.id), warnings: staging.count(job.id, 'warning'), merged: staging.count(job.id, 'merged') };
        imports.finish(job.id, 'completed', at, { summary });
        recordAudit(db, at, 'import.completed', `import:${job.id}`, { fileName: job.choices.fileName, ...summary, keptOptedOut });
      })
      .immediate();
    events.emit('contacts.changed', { reason: 'import' });
    this.emitProgress(job.id);
  }

  private fail(id: number, error: unknown): void {
    this.deps.log.error('import failed', { id, error: error instanceof Error ? error.stack : String(error) });
    try {
      // After the merge committed (an event listener threw, say) the import stays completed.
      if (this.deps.db.$client.open && this.deps.imports.get(id)?.status === 'running') this.end(id, 'failed', FAILED_MESSAGE);
    } catch (cleanupError) {
      this.deps.log.error('import cleanup failed', { id, error: String(cleanupError) });
    }
  }

  private end(id: number, status: 'cancelled' | 'failed', error?: string): void {
    const { db, staging, imports, clock } = this.deps;
    db.$client.transaction(() => {
      staging.clear(id);
      imports.finish(id, status, clock.now(), error === undefined ? {} : { error });
    })();
    this.emitProgress(id);
  }

  private emitProgress(id: number): void {
    const dto = this.deps.imports.get(id);
    if (dto) this.deps.events.emit('import.progress', dto);
  }
}
