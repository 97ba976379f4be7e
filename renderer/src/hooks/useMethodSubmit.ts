import { useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { validateInput } from '../api/validate';

/**
 * A form's submit through one method: checked against the contract first, then sent; `error` holds
 * what to show. After success `busy` stays true, as the form is about to close.
 */
export function useMethodSubmit<M extends MethodName>(method: M, onDone: (output: MethodOutput<M>) => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (input: MethodInput<M>): Promise<void> => {
    const invalid = validateInput(method, input);
    setError(invalid);
    if (invalid) return;
    setBusy(true);
    try {
      onDone(await call(method, input));
    } catch (caught) {
      setError(toApiError(caught));
      setBusy(false);
    }
  };
  return { error, busy, submit };
}
