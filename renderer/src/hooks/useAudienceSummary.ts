import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import type { AudienceFilter } from '../../../shared/audience';
import type { AudienceSummaryDto } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import { call, subscribe } from '../api/client';

/** How long typing pauses before the count is asked for. */
const SUMMARY_DELAY_MS = 250;

interface Answer {
  key: string;
  /** The latest summary that arrived, kept on screen while a newer one is on its way. */
  data: AudienceSummaryDto | undefined;
  error: ApiError | null;
}

export interface AudienceSummaryState {
  data: AudienceSummaryDto | undefined;
  error: ApiError | null;
  /** The numbers shown are for an older version of the filter; fresh ones are coming. */
  updating: boolean;
}

/**
 * The live summary of `filter` (pass a memoised value): asked for once typing pauses, and only the
 * answer for the latest filter is kept, however the answers arrive.
 */
export function useAudienceSummary(filter: AudienceFilter): AudienceSummaryState {
  const [settled] = useDebouncedValue(filter, SUMMARY_DELAY_MS);
  const key = JSON.stringify(settled);
  const [answer, setAnswer] = useState<Answer | null>(null);
  /** Bumped when many clients changed at once (an import, a bulk tag): the numbers are asked for again. */
  const [changes, setChanges] = useState(0);

  useEffect(() => subscribe('contacts.changed', () => setChanges((count) => count + 1)), []);

  useEffect(() => {
    let current = true;
    call('audience.summary', { filter: settled }).then(
      (data) => current && setAnswer({ key, data, error: null }),
      (error: unknown) => current && setAnswer((previous) => ({ key, data: previous?.data, error: toApiError(error) })),
    );
    return () => {
      current = false;
    };
  }, [settled, key, changes]);

  const data = answer?.data;
  const error = answer?.key === key ? answer.error : null;
  const updating = answer?.key !== key || JSON.stringify(filter) !== key;
  // One object per change, so a memoised panel skips the renders caused by typing.
  return useMemo(() => ({ data, error, updating }), [data, error, updating]);
}
