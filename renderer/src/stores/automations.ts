// The automations as the core last told them, shared by the list and an automation's own page, so
// turning one on in either place shows at once in the other.
import { create } from 'zustand';
import type { AutomationDto, AutomationEdit } from '../../../shared/automations';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';
import { validateInput } from '../api/validate';

interface AutomationsState {
  /** Null until the first load succeeds; in the core's order. */
  items: AutomationDto[] | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  /** One fresh from the core (its page opened, a save): replaces the one with its id, or is added. */
  upsert(automation: AutomationDto): void;
  /** Turn one on or off; throws ApiError when the core refuses (e.g. the text is still to write). */
  setEnabled(id: number, enabled: boolean): Promise<AutomationDto>;
  /** Save the form; throws ApiError with the fields' problems (checked here first, then by the core). */
  update(id: number, automation: AutomationEdit): Promise<AutomationDto>;
}

export const useAutomations = create<AutomationsState>((set, get) => ({
  items: null,
  loadError: null,
  async load() {
    try {
      set({ items: await call('automations.list', {}), loadError: null });
    } catch (error) {
      set({ loadError: toApiError(error) });
    }
  },
  upsert(automation) {
    const items = get().items;
    if (!items) return set({ items: [automation] });
    const known = items.some((item) => item.id === automation.id);
    set({ items: known ? items.map((item) => (item.id === automation.id ? automation : item)) : [...items, automation] });
  },
  async setEnabled(id, enabled) {
    const automation = await call('automations.setEnabled', { id, enabled });
    get().upsert(automation);
    return automation;
  },
  async update(id, edit) {
    const input = { id, automation: edit };
    const invalid = validateInput('automations.update', input);
    if (invalid) throw invalid;
    const automation = await call('automations.update', input);
    get().upsert(automation);
    return automation;
  },
}));

/** One automation from the store, or undefined while it is not loaded. */
export function useAutomation(id: number): AutomationDto | undefined {
  return useAutomations((state) => state.items?.find((item) => item.id === id));
}
