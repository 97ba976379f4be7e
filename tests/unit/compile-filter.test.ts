import { describe, expect, it } from 'vitest';
import type { AudienceFilter } from '../../shared/audience';
import { compileFilter } from '../../electron/core/audience/compile-filter';
import { filterContext } from '../../electron/core/audience/filter-context';
import { foldText } from '../../shared/text-fold';

const context = filterContext(new Date('2026-03-15T12:00:00Z'), 'UTC');
const EVIL = "x'); DROP TABLE contacts; --";

describe('compileFilter', () => {
  it('never puts a value the owner typed into the SQL text', () => {
    const filter: AudienceFilter = {
      kind: 'group',
      match: 'any',
      conditions: [
        { kind: 'text', field: 'name', op: 'is', value: EVIL },
        { kind: 'text', field: 'custom:Stylist', op: 'contains', value: EVIL },
        { kind: 'text', field: 'state', op: 'is_any_of', value: [EVIL, 'CA'] },
        { kind: 'tags', field: 'tags', op: 'all', value: [EVIL] },
        { kind: 'group', match: 'all', conditions: [{ kind: 'number', field: 'visitCount', op: 'between', value: 1, value2: 2 }] },
      ],
    };
    const { sql, params } = compileFilter(filter, context);
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('Stylist');
    expect(params).toContain(foldText(EVIL));
    expect(params).toContain('$."Stylist"');
    expect(sql.split('?').length - 1).toBe(params.length);
  });

  it('joins conditions with AND or OR and brackets nested groups', () => {
    const { sql } = compileFilter(
      {
        kind: 'group',
        match: 'all',
        conditions: [
          { kind: 'consent', field: 'smsConsent', op: 'is', value: 'granted' },
          {
            kind: 'group',
            match: 'any',
            conditions: [
              { kind: 'birthday', field: 'birthday', op: 'this_month' },
              { kind: 'birthday', field: 'birthday', op: 'next_month' },
            ],
          },
        ],
      },
      context,
    );
    expect(sql).toBe('sms_consent = ? AND (birth_month = ? OR birth_month = ?)');
  });

  it('turns relative days into dates counted from the salon’s today', () => {
    const { params } = compileFilter(
      { kind: 'group', match: 'all', conditions: [{ kind: 'date', field: 'lastVisitAt', op: 'within_last_days', value: 30 }] },
      context,
    );
    expect(params).toEqual(['2026-02-13', '2026-03-16']);
  });

  it('wraps December to January for next month', () => {
    const december = filterContext(new Date('2026-12-10T12:00:00Z'), 'UTC');
    const { params } = compileFilter(
      { kind: 'group', match: 'all', conditions: [{ kind: 'birthday', field: 'birthday', op: 'next_month' }] },
      december,
    );
    expect(params).toEqual([1]);
  });
});
