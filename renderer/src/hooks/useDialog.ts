import { useState } from 'react';

export interface Dialog<T> {
  opened: boolean;
  /** What the dialog is about; kept while it animates closed, so its text does not vanish early. */
  target: T | null;
  /** Changes on every open: use it as a `key` to start the dialog's form afresh. */
  openCount: number;
  open(target: T): void;
  close(): void;
}

export function useDialog<T>(): Dialog<T> {
  const [state, setState] = useState<Pick<Dialog<T>, 'opened' | 'target' | 'openCount'>>({
    opened: false,
    target: null,
    openCount: 0,
  });
  return {
    ...state,
    open: (target) => setState((current) => ({ opened: true, target, openCount: current.openCount + 1 })),
    close: () => setState((current) => ({ ...current, opened: false })),
  };
}
