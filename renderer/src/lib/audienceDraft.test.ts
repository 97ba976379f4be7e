import { describe, expect, it } from 'vitest';
import { AUDIENCE_PRESETS, type AudienceFilter } from '../../../shared/audience';
import {
  addChild,
  fromFilter,
  issuesByRow,
  newCondition,
  newGroup,
  removeNode,
  toFilter,
  withField,
  withOp,
  type DraftCondition,
  type DraftGroup,
} from './audienceDraft';

const condition = (change: Partial<DraftCondition>): DraftCondition => ({ ...newCondition(change.field), ...change });

describe('the audience builder draft', () => {
  it('round-trips every preset through the builder unchanged', () => {
    for (const preset of AUDIENCE_PRESETS) {
      const { filter, problems } = toFilter(fromFilter(preset.filter));
      expect(problems.size).toBe(0);
      expect(filter).toEqual(preset.filter);
    }
  });

  it('keeps money in the salon’s units while editing and in cents in the filter', () => {
    const spent = condition({ field: 'totalSpentCents', op: 'between', value: '100', value2: '250.5' });
    const { filter } = toFilter(newGroup('all', [spent]));
    expect(filter.conditions).toEqual([{ kind: 'number', field: 'totalSpentCents', op: 'between', value: 10_000, value2: 25_050 }]);
    const back = fromFilter(filter).children[0];
    expect(back).toMatchObject({ value: '100', value2: '250.5' });
  });

  it('leaves out what is not filled in, and says why next to the row', () => {
    const empty = condition({ field: 'name', op: 'contains', value: '  ' });
    const reversed = condition({ field: 'visitCount', op: 'between', value: '5', value2: '2' });
    const fine = condition({ field: 'smsConsent', op: 'is', value: 'opted_out' });
    const { filter, problems } = toFilter(newGroup('any', [empty, reversed, fine]));
    expect(filter).toEqual({ kind: 'group', match: 'any', conditions: [{ kind: 'consent', field: 'smsConsent', op: 'is', value: 'opted_out' }] });
    expect(problems.get(empty.key)).toEqual({ kind: 'incomplete', message: 'Type a value.' });
    expect(problems.get(reversed.key)?.kind).toBe('invalid');
  });

  it('drops a nested group until it has a condition, so it never means “everyone” by accident', () => {
    const tagged = condition({ field: 'tags', op: 'any', list: ['VIP'] });
    const root = newGroup('any', [newGroup('all', [condition({ field: 'name', value: '' })]), tagged]);
    expect(toFilter(root).filter.conditions).toEqual([{ kind: 'tags', field: 'tags', op: 'any', value: ['VIP'] }]);
  });

  it('places the core’s complaints on the row they are about, groups included', () => {
    const first = condition({ field: 'name', op: 'contains', value: 'Ana' });
    const inner = condition({ field: 'custom:Stylist', op: 'is', value: 'Maria' });
    const root = newGroup('all', [condition({ field: 'name', value: '' }), first, newGroup('any', [inner])]);
    const { paths } = toFilter(root);
    const rows = issuesByRow(
      [
        { path: 'filter.conditions.0.value', message: 'Too long' },
        { path: 'filter.conditions.1.conditions.0.field', message: 'No such field' },
        { path: 'name', message: 'not about the filter' },
      ],
      paths,
    );
    expect(rows.get(first.key)).toBe('Too long');
    expect(rows.get(inner.key)).toBe('No such field');
    expect(rows.size).toBe(2);
  });

  it('keeps typed values when the field changes kind only within its kind', () => {
    const typed = condition({ field: 'name', op: 'is', value: 'Ana' });
    expect(withField(typed, 'email')).toMatchObject({ field: 'email', op: 'is', value: 'Ana', key: typed.key });
    expect(withField(typed, 'visitCount')).toMatchObject({ field: 'visitCount', op: 'gte', value: '', key: typed.key });
    const dated = condition({ field: 'lastVisitAt', op: 'before', value: '2025-01-01' });
    expect(withOp(dated, 'after').value).toBe('2025-01-01');
    expect(withOp(dated, 'within_last_days').value).toBe('');
  });

  it('adds and removes rows anywhere in the tree', () => {
    const group = newGroup('any');
    let root: DraftGroup = newGroup('all', [group]);
    const added = newCondition('birthday');
    root = addChild(root, group.key, added);
    expect(root.children[0]).toMatchObject({ children: [added] });
    root = removeNode(root, added.key);
    expect(root.children[0]).toMatchObject({ children: [] });
    const filter: AudienceFilter = toFilter(addChild(root, root.key, added)).filter;
    expect(filter.conditions).toEqual([{ kind: 'birthday', field: 'birthday', op: 'this_month' }]);
  });
});
