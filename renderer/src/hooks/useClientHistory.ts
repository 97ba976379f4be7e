import { useCallback, useEffect, useState } from 'react';
import type { ClientTimelineItemDto } from '../../../shared/tracking';
import { toApiError, type ApiError } from '../api/ApiError';
import { call } from '../api/client';

const PAGE_SIZE = 30;

export interface ClientHistory {
  /** Undefined until the first page arrives. */
  items: ClientTimelineItemDto[] | undefined;
  /** True when older entries remain. */
  hasMore: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  showMore(): void;
}

/** A client's messages, replies and consent changes, newest first, a page at a time; from the top again when `refresh` changes. */
export function useClientHistory(id: number, refresh: number): ClientHistory {
  const [items, setItems] = useState<ClientTimelineItemDto[] | undefined>(undefined);
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    call('contacts.history', { id, limit: PAGE_SIZE }).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setNext(page.next);
        setError(null);
      },
      (caught: unknown) => current && setError(toApiError(caught)),
    );
    return () => {
      current = false;
    };
  }, [id, refresh]);

  const showMore = useCallback(() => {
    if (next === null) return;
    setLoadingMore(true);
    call('contacts.history', { id, after: next, limit: PAGE_SIZE })
      .then(
        (page) => {
          setItems((before) => [...(before ?? []), ...page.items]);
          setNext(page.next);
        },
        (caught: unknown) => setError(toApiError(caught)),
      )
      .finally(() => setLoadingMore(false));
  }, [id, next]);

  return { items, hasMore: next !== null, loadingMore, error, showMore };
}
