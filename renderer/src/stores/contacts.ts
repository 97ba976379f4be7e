import { create } from 'zustand';
import type { ContactDto } from '../../../shared/dto';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';

/** What the owner types into the client form; `id` is set when editing. */
interface ContactDraft {
  id?: number;
  name: string;
  phone: string;
  email: string;
}

interface ContactsState {
  search: string;
  contacts: ContactDto[];
  /** How many contacts match the search (may be more than the page shown). */
  total: number;
  loaded: boolean;
  error: ApiError | null;
  load(search: string): Promise<void>;
  save(draft: ContactDraft): Promise<ContactDto>;
  remove(contact: ContactDto): Promise<void>;
}

let latestRequest = 0;

export const useContacts = create<ContactsState>((set, get) => ({
  search: '',
  contacts: [],
  total: 0,
  loaded: false,
  error: null,
  async load(search) {
    const request = ++latestRequest;
    set({ search });
    try {
      const { contacts, total } = await call('contacts.list', { search });
      // A slower answer to an older search must not overwrite a newer one.
      if (request === latestRequest) set({ contacts, total, loaded: true, error: null });
    } catch (error) {
      if (request === latestRequest) set({ error: toApiError(error) });
    }
  },
  async save({ id, ...fields }) {
    const saved =
      id === undefined ? await call('contacts.create', fields) : await call('contacts.update', { id, ...fields });
    await get().load(get().search);
    return saved;
  },
  async remove(contact) {
    await call('contacts.delete', { id: contact.id });
    await get().load(get().search);
  },
}));
