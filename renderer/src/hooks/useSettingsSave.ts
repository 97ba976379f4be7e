import { useState } from 'react';
import type { MethodInput } from '../../../shared/contract';
import { toApiError, type ApiError } from '../api/ApiError';
import { useSettingsStore } from '../stores/settings';
import { showToast } from '../stores/toasts';

export interface SettingsSave {
  saving: boolean;
  error: ApiError | null;
  setError(error: ApiError | null): void;
  /** Save the patch; true when the core kept it. The error, if any, is in `error`. */
  save(patch: MethodInput<'settings.update'>): Promise<boolean>;
}

/** Saving a settings form: busy while it goes, the core's answer as a toast or as field errors. */
export function useSettingsSave(): SettingsSave {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (patch: MethodInput<'settings.update'>): Promise<boolean> => {
    setSaving(true);
    try {
      await useSettingsStore.getState().update(patch);
      setError(null);
      showToast('Settings saved.');
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, setError, save };
}
