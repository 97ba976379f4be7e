import { create } from 'zustand';
import type { MethodInput } from '../../../shared/contract';
import type { SettingsDto } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';

interface SettingsState {
  /** Null until the first load succeeds; the app shell only renders after that. */
  settings: SettingsDto | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  update(patch: MethodInput<'settings.update'>): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  /** A fresh copy pushed by the core ('settings.changed'). */
  apply(settings: SettingsDto): void;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  loadError: null,
  async load() {
    try {
      set({ settings: await call('settings.get', {}), loadError: null });
    } catch (error) {
      set({ loadError: toApiError(error) });
    }
  },
  async update(patch) {
    set({ settings: await call('settings.update', patch) });
  },
  async setPaused(paused) {
    set({ settings: await call('sending.setPaused', { paused }) });
  },
  apply(settings) {
    set({ settings });
  },
}));

/** The loaded settings, for components inside the app shell (which waits for them). */
export function useSettings(): SettingsDto {
  const settings = useSettingsStore((state) => state.settings);
  if (!settings) throw new Error('Settings were read before they finished loading.');
  return settings;
}
