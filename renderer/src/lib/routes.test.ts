import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, type Route } from './routes';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { page: 'dashboard' }],
    ['#/', { page: 'dashboard' }],
    ['#/dashboard', { page: 'dashboard' }],
    ['#/broadcasts', { page: 'broadcasts' }],
    ['#/broadcasts/new', { page: 'newBroadcast' }],
    ['#/broadcasts/12/edit', { page: 'editBroadcast', id: 12 }],
    ['#/broadcasts/0/edit', { page: 'dashboard' }],
    ['#/broadcasts/12', { page: 'broadcast', id: 12 }],
    ['#/contacts', { page: 'contacts' }],
    ['#/contacts/import', { page: 'importClients' }],
    ['#/audiences', { page: 'audiences' }],
    ['#/templates', { page: 'templates' }],
    ['#/settings/', { page: 'settings' }],
    ['#/settings/costs', { page: 'settings', section: 'costs' }],
    ['#/settings/sending', { page: 'settings', section: 'sending' }],
    ['#/replies', { page: 'replies' }],
    ['#/reports', { page: 'reports' }],
    ['#/reports/', { page: 'reports' }],
    ['#/contacts/7', { page: 'contact', id: 7 }],
    ['#/automations', { page: 'automations' }],
    ['#/automations/3', { page: 'automation', id: 3 }],
  ])('reads %j', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it.each(['#/broadcasts/0', '#/broadcasts/-3', '#/broadcasts/1.5', '#/broadcasts/abc', '#/nowhere', '#/contacts/0', '#/contacts/x', '#/settings/nowhere', '#/replies/3', '#/reports/2026-12', '#/automations/0', '#/automations/x', '#/automations/3/edit'])(
    'sends %j to the dashboard',
    (hash) => {
      expect(parseHash(hash)).toEqual({ page: 'dashboard' });
    },
  );

  it.each<Route>([
    { page: 'dashboard' },
    { page: 'broadcasts' },
    { page: 'newBroadcast' },
    { page: 'editBroadcast', id: 4 },
    { page: 'broadcast', id: 7 },
    { page: 'contacts' },
    { page: 'importClients' },
    { page: 'audiences' },
    { page: 'templates' },
    { page: 'settings' },
    { page: 'settings', section: 'costs' },
    { page: 'settings', section: 'sending' },
    { page: 'replies' },
    { page: 'reports' },
    { page: 'contact', id: 9 },
    { page: 'automations' },
    { page: 'automation', id: 2 },
  ])('round-trips %j', (route) => {
    expect(parseHash(hrefFor(route))).toEqual(route);
  });
});
