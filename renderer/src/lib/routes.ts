// The app's screens and their addresses (#/contacts, #/broadcasts/12, …).

/** Parts of the Settings page a link can open at, e.g. "raise the cap in Costs & limits". */
export const SETTINGS_SECTIONS = ['costs', 'sending'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export type Route =
  | { page: 'dashboard' }
  | { page: 'broadcasts' }
  | { page: 'newBroadcast' }
  /** The wizard on a saved draft. */
  | { page: 'editBroadcast'; id: number }
  | { page: 'broadcast'; id: number }
  | { page: 'contacts' }
  /** The client list with one client opened. */
  | { page: 'contact'; id: number }
  | { page: 'importClients' }
  /** Messages the app sends by itself (birthday, rebook…), and one of them. */
  | { page: 'automations' }
  | { page: 'automation'; id: number }
  | { page: 'audiences' }
  | { page: 'templates' }
  /** Texts clients sent to the salon's number. */
  | { page: 'replies' }
  /** Delivery reports for any dates, across all broadcasts. */
  | { page: 'reports' }
  | { page: 'settings'; section?: SettingsSection };

const SINGLE_PAGES = ['broadcasts', 'automations', 'contacts', 'audiences', 'templates', 'replies', 'reports', 'settings'] as const;
type SinglePage = (typeof SINGLE_PAGES)[number];
const isSinglePage = (part: string | undefined): part is SinglePage =>
  SINGLE_PAGES.some((page) => page === part);
const isSettingsSection = (part: string | undefined): part is SettingsSection =>
  SETTINGS_SECTIONS.some((section) => section === part);

/** A whole number above zero, or null. */
function positiveId(part: string | undefined): number | null {
  const id = Number(part);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Reads `#/broadcasts/12` and friends; anything unknown is the dashboard. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  if (parts.length === 1 && isSinglePage(first)) return { page: first };
  if (parts.length === 2 && first === 'contacts' && second === 'import') return { page: 'importClients' };
  if (parts.length === 2 && first === 'contacts') {
    const id = positiveId(second);
    if (id !== null) return { page: 'contact', id };
  }
  if (parts.length === 2 && first === 'automations') {
    const id = positiveId(second);
    if (id !== null) return { page: 'automation', id };
  }
  if (parts.length === 2 && first === 'settings' && isSettingsSection(second)) return { page: 'settings', section: second };
  if (parts.length === 3 && first === 'broadcasts' && parts[2] === 'edit') {
    const id = positiveId(second);
    if (id !== null) return { page: 'editBroadcast', id };
  }
  if (parts.length === 2 && first === 'broadcasts') {
    if (second === 'new') return { page: 'newBroadcast' };
    const id = positiveId(second);
    if (id !== null) return { page: 'broadcast', id };
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
    case 'contact':
      return `#/contacts/${route.id}`;
    case 'automation':
      return `#/automations/${route.id}`;
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
    default:
      return `#/${route.page}`;
  }
}
