import { useState, type FormEvent } from 'react';
import type { SendingDto } from '../../../../shared/sending';
import { ApiError, toApiError } from '../../api/ApiError';
import type { FormResult } from '../../lib/providerForms';
import { useSending } from '../../stores/sending';
import { showToast } from '../../stores/toasts';

export interface ProviderFormOptions<Draft, Input, Config> {
  config: Config | null;
  /** The form's fields for a saved config (or none). */
  draftFrom: (config: Config | null) => Draft;
  /** Check the draft and make the call's input, or say which fields are wrong. */
  check: (draft: Draft) => FormResult<Input>;
  /** Save through the core; runs only when the draft checks out. */
  submit: (input: Input) => Promise<SendingDto>;
  /** This provider's part of the answer. */
  configOf: (sending: SendingDto) => Config | null;
  /** The toast after saving, from what was saved. */
  savedMessage: (config: Config | null) => string;
  /** Runs as saving starts (an earlier test result no longer applies). */
  onSaving: () => void;
}

/** One provider's settings form in Settings → Sending: the draft, its saved copy, and saving it. */
export function useProviderForm<Draft, Input, Config>(options: ProviderFormOptions<Draft, Input, Config>) {
  const { config, draftFrom } = options;
  const [saved, setSaved] = useState<Draft>(() => draftFrom(config));
  const [form, setForm] = useState<Draft>(saved);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  /** Start again from this config: after a save, or with none after the provider was removed. */
  const reset = (fresh: Config | null): void => {
    const draft = draftFrom(fresh);
    setSaved(draft);
    setForm(draft);
    setError(null);
  };

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const checked = options.check(form);
    if (!checked.ok) {
      setError(new ApiError({ code: 'invalid_input', message: 'Please check the fields marked in red.', issues: checked.issues }));
      return;
    }
    setSaving(true);
    options.onSaving();
    try {
      const sending = await options.submit(checked.input);
      useSending.getState().apply(sending);
      const saved = options.configOf(sending);
      reset(saved);
      showToast(options.savedMessage(saved));
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSaving(false);
    }
  };

  return {
    form,
    setForm,
    edit: (change: Partial<Draft>): void => setForm((current) => ({ ...current, ...change })),
    changed: JSON.stringify(form) !== JSON.stringify(saved),
    saving,
    error,
    reset,
    save,
  };
}
