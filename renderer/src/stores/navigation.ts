// A tiny hash router: the URL hash is the source of truth, this store mirrors it.
import { create } from 'zustand';
import { hrefFor, parseHash, type Route } from '../lib/routes';

interface NavigationState {
  route: Route;
}

export const useNavigation = create<NavigationState>((set) => {
  window.addEventListener('hashchange', () => set({ route: parseHash(window.location.hash) }));
  return { route: parseHash(window.location.hash) };
});

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}
