// Short-lived confirmations and errors in the corner ("Settings saved", "Could not delete …").
import { create } from 'zustand';

interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'error';
}

interface ToastsState {
  toasts: Toast[];
  dismiss(id: number): void;
}

const SHOW_FOR_MS = 5000;
const MAX_SHOWN = 3;
let nextId = 1;

export const useToasts = create<ToastsState>((set) => ({
  toasts: [],
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));

export function showToast(message: string, tone: Toast['tone'] = 'success'): void {
  const id = nextId++;
  useToasts.setState((state) => ({ toasts: [...state.toasts, { id, message, tone }].slice(-MAX_SHOWN) }));
  window.setTimeout(() => useToasts.getState().dismiss(id), SHOW_FOR_MS);
}
