import { describe, expect, it } from 'vitest';
import { DELIVERY_STATUSES } from '../../../shared/dto';
import { deliveryFilterSchema } from '../../../shared/tracking';
import { reportChoicesProblem, reportFilter, STATUS_GROUP_DEFINITIONS, STATUS_GROUPS } from './reportFilters';

describe('report filters', () => {
  it('covers every delivery status in exactly one group', () => {
    const covered = STATUS_GROUPS.flatMap((group) => STATUS_GROUP_DEFINITIONS[group].statuses);
    expect(covered.toSorted()).toEqual([...DELIVERY_STATUSES].sort());
  });

  it('turns the choices into the contract’s filter', () => {
    const filter = reportFilter({ from: '2026-12-01', to: '2026-12-04', channel: 'sms', status: 'failed' });
    expect(filter).toEqual({ from: '2026-12-01', to: '2026-12-04', channel: 'sms', statuses: ['failed', 'undelivered'] });
    expect(deliveryFilterSchema.safeParse(filter).success).toBe(true);
    expect(reportFilter({ from: '2026-12-01', to: '', channel: null, status: null })).toEqual({ from: '2026-12-01' });
  });

  it('says in words when the dates are the wrong way round', () => {
    expect(reportChoicesProblem({ from: '2026-12-05', to: '2026-12-01', channel: null, status: null })).toMatch(/end date is before/);
    expect(reportChoicesProblem({ from: '2026-12-01', to: '2026-12-01', channel: null, status: null })).toBeNull();
  });
});
