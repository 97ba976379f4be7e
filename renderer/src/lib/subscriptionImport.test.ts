import { describe, expect, it } from 'vitest';
import { detectFormat, importSummary, problemLines } from './subscriptionImport';

describe('bringing in notification sign-ups', () => {
  it('tells JSON from CSV by the file name, else by the first character', () => {
    expect(detectFormat('[]', 'subs.CSV')).toBe('csv');
    expect(detectFormat('endpoint,p256dh', 'export.json')).toBe('json');
    expect(detectFormat('\uFEFF  [{"endpoint": "https://x"}]')).toBe('json');
    expect(detectFormat('{"endpoint": "https://x"}')).toBe('json');
    expect(detectFormat('endpoint,p256dh,auth,email\nhttps://x,a,b,c')).toBe('csv');
    expect(detectFormat('anything', 'subs.txt')).toBe('csv');
  });

  it('lists the rows left out by line (CSV) or entry (JSON), a few at a time', () => {
    const problems = Array.from({ length: 12 }, (_, index) => ({ line: index + 2, reason: 'No client has this email' }));
    const csv = problemLines(problems, 'csv');
    expect(csv.lines).toHaveLength(10);
    expect(csv.lines[0]).toBe('Line 2: No client has this email');
    expect(csv.more).toBe(2);
    expect(problemLines(problems.slice(0, 1), 'json')).toEqual({ lines: ['Entry 2: No client has this email'], more: 0 });
  });

  it('sums up what was linked and what was left out', () => {
    expect(importSummary({ linked: 1, unmatched: [], invalid: [] })).toBe('1 sign-up was linked to its client.');
    expect(importSummary({ linked: 1200, unmatched: [{ line: 3, reason: 'x' }], invalid: [{ line: 4, reason: 'y' }] })).toBe(
      '1,200 sign-ups were linked to their clients. 2 rows were left out: see below.',
    );
    expect(importSummary({ linked: 0, unmatched: [{ line: 3, reason: 'x' }], invalid: [] })).toBe(
      'No sign-up was linked to a client. 1 row was left out: see below.',
    );
  });
});
