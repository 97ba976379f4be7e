import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../electron/core/reports/report-file-name';

describe("the delivery report's file name", () => {
  it("names a broadcast's report by its name in plain letters and the salon's date", () => {
    expect(reportFileName({ broadcast: { id: 3, name: 'Spring offer' }, today: '2026-12-04' })).toBe('delivery-report-spring-offer-2026-12-04.csv');
    expect(reportFileName({ broadcast: { id: 3, name: '  Été -20 % / Noël!  ' }, today: '2026-12-04' })).toBe('delivery-report-ete-20-noel-2026-12-04.csv');
  });

  it('falls back to the broadcast number when its name has no Latin letters or digits', () => {
    expect(reportFileName({ broadcast: { id: 7, name: '春のご案内' }, today: '2026-12-04' })).toBe('delivery-report-broadcast-7-2026-12-04.csv');
  });

  it('keeps a long name short', () => {
    const name = reportFileName({ broadcast: { id: 1, name: 'x'.repeat(300) }, today: '2026-12-04' });
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^[a-z0-9-]+\.csv$/);
  });

  it('names a date range by its days, an open end by today', () => {
    expect(reportFileName({ from: '2026-11-01', to: '2026-11-30', today: '2026-12-04' })).toBe('delivery-report-2026-11-01-to-2026-11-30.csv');
    expect(reportFileName({ from: '2026-11-01', today: '2026-12-04' })).toBe('delivery-report-2026-11-01-to-2026-12-04.csv');
    expect(reportFileName({ to: '2026-11-30', today: '2026-12-04' })).toBe('delivery-report-start-to-2026-11-30.csv');
    expect(reportFileName({ today: '2026-12-04' })).toBe('delivery-report-2026-12-04.csv');
  });
});
