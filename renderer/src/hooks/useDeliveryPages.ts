import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliveryFilter, DeliveryRowDto } from '../../../shared/tracking';
import type { DeliveryOrder } from '../lib/deliveryFilter';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { useOnBroadcastProgress } from './useOnBroadcastProgress';

const PAGE = 100;
/** The most tracking.deliveries gives at once. */
const MOST = 500;
const REFRESH_AT_MOST_EVERY_MS = 2000;

interface Pages {
  key: string;
  rows: DeliveryRowDto[];
  total: number;
  next: string | null;
}

export interface DeliveryPages {
  /** Rows loaded so far, for this filter and order; undefined until the first page arrives. */
  rows: DeliveryRowDto[] | undefined;
  /** Messages matching the filter, loaded or not. */
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  /** Fetch the next page, once: calls while one is on its way are ignored. */
  loadMore(): void;
  /** Fetch the rows shown so far afresh (after a resend), keeping the scroll position. */
  reload(): void;
}

/**
 * A broadcast's (or an automation's) messages a page at a time (keyset: each page starts after the last row of the one
 * before), for a virtualised table that asks for more as it nears the end. While the broadcast sends,
 * the rows shown so far are fetched afresh at most every two seconds.
 * `broadcastId` null: no broadcast to follow (an automation's runs).
 */
export function useDeliveryPages(broadcastId: number | null, filter: DeliveryFilter, order: DeliveryOrder): DeliveryPages {
  const key = JSON.stringify([filter, order]);
  const [pages, setPages] = useState<Pages | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const latest = useRef({ key, filter, order, pages });
  // Every fetch takes a number; an answer is used only while its number is still the newest.
  const ticket = useRef(0);

  useEffect(() => {
    latest.current = { key, filter, order, pages };
  });

  /** From the start, `limit` rows: the first page, or everything shown so far when refreshing. */
  const fetchFromStart = useCallback((limit: number) => {
    const mine = ++ticket.current;
    const { key: forKey, filter: f, order: o } = latest.current;
    call('tracking.deliveries', { filter: f, sort: o.sort, direction: o.direction, limit }).then(
      (page) => {
        if (mine !== ticket.current) return;
        setPages({ key: forKey, rows: page.rows, total: page.total, next: page.next });
        setError(null);
        setLoadingMore(false);
      },
      (caught: unknown) => {
        if (mine !== ticket.current) return;
        setError(toApiError(caught));
        setLoadingMore(false);
      },
    );
  }, []);

  useEffect(() => {
    fetchFromStart(PAGE);
  }, [key, fetchFromStart]);

  const loadMore = useCallback(() => {
    const { pages: shown, key: forKey, filter: f, order: o } = latest.current;
    if (!shown || shown.key !== forKey || !shown.next || loadingMore) return;
    setLoadingMore(true);
    const mine = ++ticket.current;
    call('tracking.deliveries', { filter: f, sort: o.sort, direction: o.direction, after: shown.next, limit: PAGE }).then(
      (page) => {
        if (mine !== ticket.current) return;
        setPages({ key: forKey, rows: [...shown.rows, ...page.rows], total: page.total, next: page.next });
        setLoadingMore(false);
      },
      (caught: unknown) => {
        if (mine !== ticket.current) return;
        setError(toApiError(caught));
        setLoadingMore(false);
      },
    );
  }, [loadingMore]);

  const reload = useCallback(() => {
    const shown = latest.current.pages;
    fetchFromStart(Math.min(MOST, Math.max(PAGE, shown?.rows.length ?? 0)));
  }, [fetchFromStart]);
  useOnBroadcastProgress(broadcastId, reload, REFRESH_AT_MOST_EVERY_MS);

  const fresh = pages?.key === key ? pages : null;
  return {
    rows: fresh?.rows,
    total: fresh?.total ?? 0,
    hasMore: fresh?.next != null,
    loadingMore,
    error,
    loadMore,
    reload,
  };
}
