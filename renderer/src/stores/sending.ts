// Settings -> Sending as the core last told it: providers (never their secrets), live or sandbox.
import { create } from 'zustand';
import type { SendingDto } from '../../../shared/sending';
import { ApiError, toApiError } from '../api/ApiError';
import { call } from '../api/client';

interface SendingState {
  /** Null until the first load succeeds. */
  sending: SendingDto | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  /** A fresh copy: the answer to a save, or pushed by the core ('sending.changed'). */
  apply(sending: SendingDto): void;
}

export const useSending = create<SendingState>((set) => ({
  sending: null,
  loadError: null,
  async load() {
    try {
      set({ sending: await call('sending.get', {}), loadError: null });
    } catch (error) {
      set({ loadError: toApiError(error) });
    }
  },
  apply(sending) {
    set({ sending, loadError: null });
  },
}));
