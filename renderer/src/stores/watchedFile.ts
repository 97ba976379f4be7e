// The watched file as the Import page shows it: loaded once, then again when an import moves (its
// runs are imports) or a minute passes (a run that could not read the file makes no import).
import { create } from 'zustand';
import type { MethodInput } from '../../../shared/contract';
import type { WatchedFileDto } from '../../../shared/watched-file';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';

interface WatchedFileState {
  /** undefined until loaded; null when no file is watched. */
  watch: WatchedFileDto | null | undefined;
  error: ApiError | null;
  busy: boolean;
  load(): Promise<void>;
  set(input: MethodInput<'imports.watched.set'>): Promise<boolean>;
  runNow(): Promise<void>;
  clear(): Promise<void>;
}

export const useWatchedFile = create<WatchedFileState>((set) => {
  /** Run one change, keeping its answer as the watch, or its error to show. */
  const change = async (ask: () => Promise<WatchedFileDto | null>): Promise<boolean> => {
    set({ busy: true, error: null });
    try {
      set({ watch: await ask(), busy: false });
      return true;
    } catch (error) {
      set({ error: toApiError(error), busy: false });
      return false;
    }
  };
  return {
    watch: undefined,
    error: null,
    busy: false,
    async load() {
      try {
        set({ watch: (await call('imports.watched.get', {})).watch });
      } catch (error) {
        set({ error: toApiError(error) });
      }
    },
    set: (input) => change(() => call('imports.watched.set', input)),
    runNow: async () => {
      await change(() => call('imports.watched.runNow', {}));
    },
    clear: async () => {
      await change(async () => (await call('imports.watched.clear', {})).watch);
    },
  };
});
