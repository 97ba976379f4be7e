// Which clients are ticked in the list: some by hand, or every client matching the search
// (less the ones unticked since), so "all 12,345" never needs 12,345 ids in memory.

export type Selection =
  | { kind: 'some'; ids: ReadonlySet<number> }
  | { kind: 'allMatching'; except: ReadonlySet<number> };

export const NOTHING_SELECTED: Selection = { kind: 'some', ids: new Set() };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.kind === 'some' ? selection.ids.has(id) : !selection.except.has(id);
}

export function selectedCount(selection: Selection, total: number): number {
  return selection.kind === 'some' ? selection.ids.size : Math.max(total - selection.except.size, 0);
}

export function toggle(selection: Selection, id: number): Selection {
  return selection.kind === 'some'
    ? { kind: 'some', ids: flip(selection.ids, id) }
    : { kind: 'allMatching', except: flip(selection.except, id) };
}

function flip(ids: ReadonlySet<number>, id: number): ReadonlySet<number> {
  const flipped = new Set(ids);
  if (flipped.has(id)) flipped.delete(id);
  else flipped.add(id);
  return flipped;
}

export const selectAllMatching = (): Selection => ({ kind: 'allMatching', except: new Set() });
