import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';

export interface CallState<T> {
  /** The latest answer for this input; kept while a reload is under way, so tables do not flicker. */
  data: T | undefined;
  error: ApiError | null;
  /** True until the first answer for this input arrives. */
  loading: boolean;
  reload(): void;
}

type Answer<T> = { key: string; data: T; error: null } | { key: string; data: undefined; error: ApiError };

/**
 * Run a read-only method for a component, again whenever its input changes or reload() is called.
 * A change of `refresh` also asks again (keeping the answer shown meanwhile), e.g. after a save elsewhere.
 */
export function useCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  refresh = 0,
): CallState<MethodOutput<M>> {
  const key = JSON.stringify([method, input]);
  const latestInput = useRef(input);
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<Answer<MethodOutput<M>> | null>(null);

  useEffect(() => {
    latestInput.current = input;
  });

  useEffect(() => {
    let current = true;
    call(method, latestInput.current).then(
      (data) => current && setAnswer({ key, data, error: null }),
      (error: unknown) => current && setAnswer({ key, data: undefined, error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [method, key, version, refresh]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const fresh = answer?.key === key ? answer : null;
  return { data: fresh?.data, error: fresh?.error ?? null, loading: fresh === null, reload };
}
