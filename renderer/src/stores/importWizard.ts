// The "Import clients" wizard: the file, the owner's choices, and the running import. Kept in a
// store so leaving the page and coming back finds the import where it was.
import { create } from 'zustand';
import { UPLOAD_CHUNK_CHARS } from '../../../shared/contract';
import type {
  ConsentValueMeaning,
  Delimiter,
  Encoding,
  ImportConsent,
  ImportDto,
  ImportPreviewDto,
  ImportTarget,
  MergeRule,
  NameOrder,
} from '../../../shared/imports';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { bytesToBase64 } from '../lib/base64';
import { detectedHeader, previewTable } from '../lib/importMapping';

/** File bytes per upload piece: a multiple of 3, so each piece is whole base64 within the size limit. */
const PIECE_BYTES = Math.floor(UPLOAD_CHUNK_CHARS / 4) * 3;

export type ImportStep = 'file' | 'check' | 'columns' | 'options' | 'import';

export interface ImportOptions {
  mergeRule: MergeRule;
  consent: ImportConsent;
  /** The owner's reading of the consent columns' values, where it differs from the usual words. */
  consentValues: Record<string, ConsentValueMeaning>;
  /** Where the file's national numbers are from; null: the salon's country. */
  country: string | null;
  nameOrder: NameOrder;
  tags: string[];
}

/** One value of a consent column across the whole file, with how many rows hold it. */
export interface ColumnValue {
  value: string;
  rows: number;
}

interface ImportState {
  step: ImportStep;
  fileName: string | null;
  /** Bytes sent so far while uploading. */
  upload: { sent: number; total: number } | null;
  preview: ImportPreviewDto | null;
  /** Reading the file again with another encoding or delimiter. */
  previewing: boolean;
  hasHeader: boolean;
  mapping: ImportTarget[];
  options: ImportOptions;
  /** The values of each consent column in the whole file, by column, once read. */
  columnValues: Record<number, ColumnValue[]>;
  job: ImportDto | null;
  error: ApiError | null;
  chooseFile(file: File): Promise<void>;
  readAs(choice: { encoding?: Encoding; delimiter?: Delimiter }): Promise<void>;
  setHasHeader(hasHeader: boolean): void;
  setTarget(column: number, target: ImportTarget): void;
  /** Read the different values of a column in the whole file (for a consent column's value mapping). */
  loadColumnValues(column: number): Promise<void>;
  setOptions(change: Partial<ImportOptions>): void;
  goTo(step: ImportStep): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  /** Live progress from the core ('import.progress'). */
  applyProgress(job: ImportDto): void;
  /** Ask the core for the running import again (after the event stream was down). */
  refresh(): Promise<void>;
  reset(): void;
  /** Show what an earlier import did, e.g. a run of the watched file. */
  show(job: ImportDto): void;
  /** Opening the wizard again after an import finished starts a new one. */
  resetIfFinished(): void;
}

export const DEFAULT_OPTIONS: ImportOptions = {
  mergeRule: 'fill_empty',
  consent: { sms: 'unknown', email: 'unknown', source: '' },
  consentValues: {},
  country: null,
  nameOrder: 'auto',
  tags: [],
};

const INITIAL = {
  step: 'file',
  fileName: null,
  upload: null,
  preview: null,
  previewing: false,
  hasHeader: true,
  mapping: [],
  options: DEFAULT_OPTIONS,
  columnValues: {},
  job: null,
  error: null,
} satisfies Partial<ImportState>;

/** Progress that arrived before imports.start answered, so the answer cannot undo it. */
const progressSeen = new Map<number, ImportDto>();

export const useImport = create<ImportState>((set, get) => ({
  ...INITIAL,

  async chooseFile(file) {
    set({ ...INITIAL, fileName: file.name, upload: { sent: 0, total: file.size } });
    try {
      let uploadId: string | undefined;
      for (let start = 0; start < file.size || start === 0; start += PIECE_BYTES) {
        const piece = new Uint8Array(await file.slice(start, start + PIECE_BYTES).arrayBuffer());
        const answer = await call('imports.upload', { uploadId, fileName: file.name, chunk: bytesToBase64(piece) });
        uploadId = answer.uploadId;
        set({ upload: { sent: answer.bytes, total: file.size } });
      }
      if (!uploadId) return;
      const preview = await call('imports.preview', { uploadId });
      set({ preview, hasHeader: detectedHeader(preview), mapping: preview.suggestedMapping, upload: null, step: 'check' });
      loadConsentColumns();
    } catch (error) {
      set({ error: toApiError(error), upload: null });
    }
  },

  async readAs(choice) {
    const current = get().preview;
    if (!current) return;
    set({ previewing: true, error: null });
    try {
      const preview = await call('imports.preview', {
        uploadId: current.uploadId,
        encoding: choice.encoding ?? current.encoding,
        delimiter: choice.delimiter ?? current.delimiter,
      });
      const sameColumns = preview.headers.length === current.headers.length;
      set({
        preview,
        previewing: false,
        hasHeader: sameColumns ? get().hasHeader : detectedHeader(preview),
        mapping: sameColumns ? get().mapping : preview.suggestedMapping,
        columnValues: {},
      });
      loadConsentColumns();
    } catch (error) {
      set({ error: toApiError(error), previewing: false });
    }
  },

  setHasHeader(hasHeader) {
    set({ hasHeader, columnValues: {} });
    loadConsentColumns();
  },

  setTarget(column, target) {
    set({ mapping: get().mapping.map((current, index) => (index === column ? target : current)) });
    if (isConsentTarget(target)) void get().loadColumnValues(column);
  },

  async loadColumnValues(column) {
    const { preview, hasHeader, columnValues } = get();
    if (!preview || columnValues[column]) return;
    try {
      const values = await call('imports.columnValues', { ...howToRead(preview, hasHeader), column });
      set({ columnValues: { ...get().columnValues, [column]: values } });
    } catch (error) {
      set({ error: toApiError(error) });
    }
  },

  setOptions(change) {
    set({ options: { ...get().options, ...change } });
  },

  goTo(step) {
    set({ step, error: null });
  },

  async start() {
    const { preview, hasHeader, mapping, options } = get();
    if (!preview) return;
    set({ error: null });
    try {
      const job = await call('imports.start', {
        ...howToRead(preview, hasHeader),
        mapping,
        mergeRule: options.mergeRule,
        consent: consentToSend(options.consent),
        consentValues: options.consentValues,
        ...(options.country && { country: options.country }),
        nameOrder: options.nameOrder,
        tags: options.tags,
      });
      set({ job: furthest(job, progressSeen.get(job.id)), step: 'import' });
    } catch (error) {
      set({ error: toApiError(error) });
    }
  },

  async cancel() {
    const job = get().job;
    if (!job) return;
    try {
      get().applyProgress(await call('imports.cancel', { id: job.id }));
    } catch (error) {
      set({ error: toApiError(error) });
    }
  },

  applyProgress(incoming) {
    progressSeen.set(incoming.id, furthest(incoming, progressSeen.get(incoming.id)));
    const job = get().job;
    if (job?.id === incoming.id) set({ job: furthest(incoming, job) });
  },

  async refresh() {
    const job = get().job;
    if (!job || job.status !== 'running') return;
    try {
      get().applyProgress(await call('imports.get', { id: job.id }));
    } catch {
      // The next progress event brings the news instead.
    }
  },

  reset() {
    set(INITIAL);
  },

  show(job) {
    set({ ...INITIAL, fileName: job.fileName, job: furthest(job, progressSeen.get(job.id)), step: 'import' });
  },

  resetIfFinished() {
    const job = get().job;
    if (job && job.status !== 'running') set(INITIAL);
  },
}));

/** The file and how to read it, as every call on the whole file names them. */
function howToRead(preview: ImportPreviewDto, hasHeader: boolean) {
  return { uploadId: preview.uploadId, encoding: preview.encoding, delimiter: preview.delimiter, hasHeader };
}

/** The values of every column matched to a consent, read again after the file or its header row changed. */
function loadConsentColumns(): void {
  const { mapping, loadColumnValues } = useImport.getState();
  mapping.forEach((target, column) => {
    if (isConsentTarget(target)) void loadColumnValues(column);
  });
}

export function isConsentTarget(target: ImportTarget | undefined): target is 'smsConsent' | 'emailConsent' {
  return target === 'smsConsent' || target === 'emailConsent';
}

/** Without any consent stated, the log still needs a sentence: it says nobody stated any. */
function consentToSend(consent: ImportConsent): ImportConsent {
  const agreed = consent.sms === 'granted' || consent.email === 'granted';
  return agreed ? consent : { ...consent, source: 'No consent stated when imported' };
}

/** Of two reports on one import, the later one: a finished import never goes back to running. */
function furthest(incoming: ImportDto, known: ImportDto | undefined): ImportDto {
  if (!known) return incoming;
  if (known.status !== 'running' && incoming.status === 'running') return known;
  if (known.status === 'running' && incoming.status === 'running' && known.processed > incoming.processed) return known;
  return incoming;
}

/** What the preview table shows with the current header choice. */
export function usePreviewTable() {
  const preview = useImport((state) => state.preview);
  const hasHeader = useImport((state) => state.hasHeader);
  return preview ? previewTable(preview, hasHeader) : null;
}
