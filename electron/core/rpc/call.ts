import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { AppError } from '../errors';
import type { Core } from '../index';

/** A typed call into the core for in-process callers (the shell's tray, tests). Throws AppError on failure. */
export async function callCore<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new AppError(result.error.code, `${method}: ${result.error.message}`, result.error.issues);
  // dispatch is typed loosely for the transports; the core answers each method with its contract output.
  return result.value as MethodOutput<M>;
}
