import { useState } from 'react';
import { NOTHING_SELECTED, type Selection } from '../lib/selection';

/** The ticked clients; a new search or sort (a new `listKey`) starts with nothing ticked. */
export function useSelection(listKey: string): [Selection, (change: (current: Selection) => Selection) => void] {
  const [state, setState] = useState<{ listKey: string; selection: Selection }>({ listKey, selection: NOTHING_SELECTED });
  const selection = state.listKey === listKey ? state.selection : NOTHING_SELECTED;
  const update = (change: (current: Selection) => Selection): void =>
    setState((current) => ({ listKey, selection: change(current.listKey === listKey ? current.selection : NOTHING_SELECTED) }));
  return [selection, update];
}
