import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BroadcastDraft } from '../../../../shared/broadcasts';
import { toApiError, type ApiError } from '../../api/ApiError';
import { call } from '../../api/client';
import { hrefFor } from '../../lib/routes';

/** How long editing pauses before the draft is saved. */
const SAVE_DELAY_MS = 600;
/** How often a draft that could not be saved is tried again. */
const RETRY_MS = 5_000;

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'failed';

export interface DraftAutosave {
  id: number | undefined;
  status: SaveStatus;
  /** Why the last save failed, when it did. */
  error: ApiError | null;
  /** Save now (e.g. before the review) and return the draft's id. */
  flush(): Promise<number>;
}

/** The copy kept in the browser's storage until the core has it, so nothing typed is lost. */
export function localCopyKey(id: number | undefined): string {
  return `salon-broadcast.draft.${id ?? 'new'}`;
}

export function readLocalCopy(id: number | undefined): BroadcastDraft | null {
  try {
    const raw = window.localStorage.getItem(localCopyKey(id));
    return raw ? (JSON.parse(raw) as BroadcastDraft) : null;
  } catch {
    return null;
  }
}

/**
 * `stored` is the draft as the core last had it (empty for a new one). Saves the draft at every change, once editing pauses, one save at a time. Until the core has a
 * change it is kept in local storage, and a failed save is tried again, so a draft survives a
 * reload or a core that is briefly unreachable. A new draft gets its id from the first save; the
 * address bar then points at it without reloading the page.
 */
export function useDraftAutosave(
  draft: BroadcastDraft,
  stored: { id: number | undefined; draft: BroadcastDraft },
): DraftAutosave {
  const initialId = stored.id;
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<ApiError | null>(null);
  const [id, setId] = useState(initialId);
  const idRef = useRef(initialId);
  const latest = useRef(draft);
  const savedJson = useRef(JSON.stringify(stored.draft));
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useLayoutEffect(() => {
    latest.current = draft;
  }, [draft]);

  const saveLatest = useCallback((): Promise<number> => {
    const run = async (): Promise<number> => {
      const json = JSON.stringify(latest.current);
      if (json === savedJson.current && idRef.current !== undefined) return idRef.current;
      setStatus('saving');
      try {
        const saved = await call('broadcasts.saveDraft', { ...(idRef.current !== undefined && { id: idRef.current }), draft: latest.current });
        window.localStorage.removeItem(localCopyKey(idRef.current));
        if (idRef.current === undefined) window.history.replaceState(null, '', hrefFor({ page: 'editBroadcast', id: saved.id }));
        idRef.current = saved.id;
        setId(saved.id);
        savedJson.current = json;
        setError(null);
        setStatus(JSON.stringify(latest.current) === json ? 'saved' : 'unsaved');
        return saved.id;
      } catch (caught) {
        setError(toApiError(caught));
        setStatus('failed');
        throw caught;
      }
    };
    const next = queue.current.then(run, run);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  useEffect(() => {
    const json = JSON.stringify(draft);
    if (json === savedJson.current) return;
    window.localStorage.setItem(localCopyKey(idRef.current), json);
    setStatus((current) => (current === 'failed' ? current : 'unsaved'));
    const timer = window.setTimeout(() => void saveLatest().catch(() => undefined), SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, saveLatest]);

  useEffect(() => {
    if (status !== 'failed') return;
    const timer = window.setInterval(() => void saveLatest().catch(() => undefined), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [status, saveLatest]);

  return { id, status, error, flush: saveLatest };
}
