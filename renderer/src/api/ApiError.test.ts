import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './ApiError';

describe('ApiError', () => {
  const error = new ApiError({
    code: 'duplicate',
    message: 'Jane Doe already has this mobile number.',
    issues: [
      { path: 'phone', message: 'Jane Doe already has this mobile number.' },
      { path: 'tags.2', message: 'Keep tags under 60 characters' },
    ],
  });

  it('finds the problem for a field', () => {
    expect(error.issueFor('phone')).toBe('Jane Doe already has this mobile number.');
    expect(error.issueFor('email')).toBeUndefined();
    expect(error.concernsAnyOf(['name', 'phone'])).toBe(true);
    expect(error.concernsAnyOf(['name'])).toBe(false);
  });

  it('finds a problem inside a field, but not in a field that merely starts the same', () => {
    expect(error.issueFor('tags')).toBe('Keep tags under 60 characters');
    expect(error.concernsAnyOf(['tags'])).toBe(true);
    expect(error.issueFor('tag')).toBeUndefined();
  });

  it('turns anything else into a plain sentence, never a stack', () => {
    const wrapped = toApiError(new TypeError('x is undefined'));
    expect(wrapped.code).toBe('internal');
    expect(wrapped.message).toBe('Something went wrong. Please try again.');
    expect(toApiError(error)).toBe(error);
  });
});
