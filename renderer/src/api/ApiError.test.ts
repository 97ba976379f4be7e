import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './ApiError';

describe('ApiError', () => {
  const error = new ApiError({
    code: 'duplicate',
    message: 'Jane Doe already has this mobile number.',
    issues: [{ path: 'phone', message: 'Jane Doe already has this mobile number.' }],
  });

  it('finds the problem for a field', () => {
    expect(error.issueFor('phone')).toBe('Jane Doe already has this mobile number.');
    expect(error.issueFor('email')).toBeUndefined();
    expect(error.concernsAnyOf(['name', 'phone'])).toBe(true);
    expect(error.concernsAnyOf(['name'])).toBe(false);
  });

  it('turns anything else into a plain sentence, never a stack', () => {
    const wrapped = toApiError(new TypeError('x is undefined'));
    expect(wrapped.code).toBe('internal');
    expect(wrapped.message).toBe('Something went wrong. Please try again.');
    expect(toApiError(error)).toBe(error);
  });
});
