import { describe, expect, it } from 'vitest';
import { formatDuration } from './reviewFormat';

describe('review figures in words', () => {
  it('says how long sending takes in the words an owner would use', () => {
    expect(formatDuration(0)).toBe('under a minute');
    expect(formatDuration(59)).toBe('under a minute');
    expect(formatDuration(90)).toBe('about 2 minutes');
    expect(formatDuration(3_600)).toBe('about 1 hour');
    expect(formatDuration(100_000)).toBe('about 27 hours 47 minutes');
  });
});
