import { describe, expect, it } from 'vitest';
import { isSelected, NOTHING_SELECTED, selectAllMatching, selectedCount, toggle } from './selection';

describe('ticking clients', () => {
  it('counts some ticked by hand', () => {
    const two = toggle(toggle(NOTHING_SELECTED, 1), 2);
    expect(selectedCount(two, 500)).toBe(2);
    expect(isSelected(two, 2)).toBe(true);
    expect(isSelected(toggle(two, 2), 2)).toBe(false);
  });

  it('selects every matching client without holding their ids, less those unticked', () => {
    const all = toggle(selectAllMatching(), 42);
    expect(selectedCount(all, 100_000)).toBe(99_999);
    expect(isSelected(all, 7)).toBe(true);
    expect(isSelected(all, 42)).toBe(false);
  });
});
