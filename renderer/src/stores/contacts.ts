// The contact list as the owner scrolls it: pages of PAGE_SIZE loaded on demand, far-away pages
// forgotten, so 100,000 clients scroll as smoothly as 10. The total comes with every answer.
import { create } from 'zustand';
import type { CONTACT_SORTS } from '../../../shared/contract';
import type { ContactDto } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';

export const PAGE_SIZE = 200;
/** Pages kept in memory around the rows on screen (1,600 clients). */
const KEEP_PAGES = 8;

export type ContactSort = (typeof CONTACT_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ContactQuery {
  search: string;
  /** Only clients with this tag; null for all. */
  tag: string | null;
  sort: ContactSort;
  direction: SortDirection;
}

/** Loaded pages of the list, by page number. */
export type Pages = ReadonlyMap<number, readonly ContactDto[]>;

interface ContactsState {
  query: ContactQuery;
  /** How many clients match the query; null until the first answer. */
  total: number | null;
  pages: Pages;
  /** True while the answer to a new search or sort is on its way (the old rows stay shown meanwhile). */
  searching: boolean;
  error: ApiError | null;
  /** Show the clients matching `query` from the top (also a fresh start when the page opens). */
  setQuery(query: ContactQuery): void;
  /** Rows `first` to `last` are on screen: load their pages, forget far-away ones. */
  showRows(first: number, last: number): void;
  /** Fetch again what is shown, e.g. after an edit, an import or a bulk tag. */
  reload(): void;
}

export const INITIAL_QUERY: ContactQuery = { search: '', tag: null, sort: 'name', direction: 'asc' };

/** Bumped on every new query and reload; answers from an older generation are dropped. */
let generation = 0;
/** Pages asked for or answered in the current generation. */
let requested = new Set<number>();
/** The next answer replaces every page (a new query), instead of one page (a reload). */
let replaceAll = false;
let onScreen = { first: 0, last: 0 };

export const useContacts = create<ContactsState>((set, get) => {
  const loadPage = (page: number): void => {
    if (requested.has(page)) return;
    requested.add(page);
    const asked = generation;
    const { search, tag, sort, direction } = get().query;
    call('contacts.list', { search, ...(tag !== null && { tag }), sort, direction, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
      ({ total, contacts }) => {
        if (asked !== generation) return;
        const pages = new Map(replaceAll ? [] : get().pages);
        replaceAll = false;
        pages.set(page, contacts);
        set({ total, pages: keepNear(pages, onScreen), searching: false, error: null });
      },
      (error: unknown) => {
        if (asked !== generation) return;
        requested.delete(page);
        set({ error: toApiError(error), searching: false });
      },
    );
  };

  const loadOnScreen = (): void => {
    const total = get().total;
    const last = total === null ? onScreen.last : Math.min(onScreen.last, Math.max(total - 1, 0));
    for (let page = pageOf(onScreen.first); page <= pageOf(last); page++) loadPage(page);
  };

  const restart = (replace: boolean): void => {
    generation++;
    requested = new Set();
    replaceAll = replace;
    loadOnScreen();
  };

  return {
    query: INITIAL_QUERY,
    total: null,
    pages: new Map(),
    searching: false,
    error: null,
    setQuery(query) {
      onScreen = { first: 0, last: 0 };
      set({ query, searching: true });
      restart(true);
    },
    showRows(first, last) {
      onScreen = { first, last };
      loadOnScreen();
    },
    reload() {
      restart(false);
    },
  };
});

const pageOf = (index: number): number => Math.floor(index / PAGE_SIZE);

/** Only the KEEP_PAGES pages nearest to the rows on screen. */
function keepNear(pages: Map<number, readonly ContactDto[]>, rows: { first: number; last: number }): Pages {
  if (pages.size <= KEEP_PAGES) return pages;
  const middle = pageOf((rows.first + rows.last) / 2);
  const kept = [...pages.keys()].sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle)).slice(0, KEEP_PAGES);
  return new Map(kept.map((page) => [page, pages.get(page) ?? []]));
}

/** The client at row `index`, if its page is loaded. */
export function contactAt(pages: Pages, index: number): ContactDto | undefined {
  return pages.get(pageOf(index))?.[index % PAGE_SIZE];
}
