// The app's screens and their addresses (#/contacts, #/broadcasts/12, …).

export type Route =
  | { page: 'dashboard' }
  | { page: 'broadcasts' }
  | { page: 'newBroadcast' }
  /** The wizard on a saved draft. */
  | { page: 'editBroadcast'; id: number }
  | { page: 'broadcast'; id: number }
  | { page: 'contacts' }
  | { page: 'importClients' }
  | { page: 'audiences' }
  | { page: 'templates' }
  | { page: 'settings' };

const SINGLE_PAGES = ['broadcasts', 'contacts', 'audiences', 'templates', 'settings'] as const;
type SinglePage = (typeof SINGLE_PAGES)[number];
const isSinglePage = (part: string | undefined): part is SinglePage =>
  SINGLE_PAGES.some((page) => page === part);

/** Reads `#/broadcasts/12` and friends; anything unknown is the dashboard. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  if (parts.length === 1 && isSinglePage(first)) return { page: first };
  if (parts.length === 2 && first === 'contacts' && second === 'import') return { page: 'importClients' };
  if (parts.length === 3 && first === 'broadcasts' && parts[2] === 'edit') {
    const id = Number(second);
    if (Number.isSafeInteger(id) && id > 0) return { page: 'editBroadcast', id };
  }
  if (parts.length === 2 && first === 'broadcasts') {
    if (second === 'new') return { page: 'newBroadcast' };
    const id = Number(second);
    if (Number.isSafeInteger(id) && id > 0) return { page: 'broadcast', id };
  }
  return { page: 'dashboard' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'newBroadcast':
      return '#/broadcasts/new';
    case 'broadcast':
      return `#/broadcasts/${route.id}`;
    case 'editBroadcast':
      return `#/broadcasts/${route.id}/edit`;
    case 'importClients':
      return '#/contacts/import';
    default:
      return `#/${route.page}`;
  }
}
