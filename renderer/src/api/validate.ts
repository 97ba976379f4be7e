import { contract, type MethodInput, type MethodName } from '../../../shared/contract';
import { ApiError } from './ApiError';

/** Check an input against the contract before sending it, so the owner sees field problems at once. */
export function validateInput<M extends MethodName>(method: M, input: MethodInput<M>): ApiError | null {
  const result = contract[method].input.safeParse(input);
  if (result.success) return null;
  return new ApiError({
    code: 'invalid_input',
    message: 'Please check the highlighted fields.',
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  });
}
