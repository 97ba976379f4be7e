import type { z } from 'zod';
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import type { InputIssue, RpcResult } from '../../../shared/errors';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { Handlers } from './handlers';

export type Dispatch = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

/** Far deeper than any real input (an audience filter allows a few levels of groups). */
const MAX_INPUT_DEPTH = 64;

/** Validate with the contract, run the handler, and turn every outcome into an RpcResult. */
export function createDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no method called “${method}”.` } };
    }
    try {
      // Checked before zod walks the input, whose recursion a filter 800 groups deep would overflow.
      if (nestingDepth(input, MAX_INPUT_DEPTH) > MAX_INPUT_DEPTH) {
        return { ok: false, error: { code: 'invalid_input', message: 'The request is nested too deeply.' } };
      }
      const parsed = contract[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = toIssues(parsed.error);
        return { ok: false, error: { code: 'invalid_input', message: summarise(issues), issues } };
      }
      return { ok: true, value: await run(handlers, method, parsed.data) };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.issues && { issues: error.issues }) } };
      }
      if (isDiskFull(error)) {
        log.error('disk full', { method });
        return { ok: false, error: { code: 'disk_full', message: 'The disk is full: free some space and try again. Nothing was changed.' } };
      }
      log.error('handler failed', { method, error: error instanceof Error ? error.stack : String(error) });
      return {
        ok: false,
        error: { code: 'internal', message: 'Something went wrong on our side. The details were written to the log.' },
      };
    }
  };
}

function run(handlers: Handlers, method: MethodName, args: unknown): unknown {
  // The schema for `method` has just produced `args`, so the pairing is sound.
  const handler = handlers[method] as (a: unknown) => unknown;
  return handler(args);
}

function toIssues(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function summarise(issues: InputIssue[]): string {
  const first = issues[0];
  if (!first) return 'The request was not valid.';
  return issues.length === 1 ? first.message : `${first.message} (and ${issues.length - 1} more)`;
}

/** How deeply arrays and objects nest in `value`, counted without recursion and no further than `limit` + 1. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    deepest = Math.max(deepest, depth);
    if (depth > limit) return deepest;
    for (const child of Object.values(next.value)) stack.push({ value: child, depth });
  }
  return deepest;
}

/** A write the file system (ENOSPC) or SQLite (SQLITE_FULL) refused for want of room. */
function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL';
}
