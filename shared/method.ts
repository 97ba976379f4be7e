import type { z } from 'zod';

/** A method: its input schema, and its output type (a type-only marker, never set at run time). */
export interface Method<I extends z.ZodType, O> {
  input: I;
  output?: O;
}

// Curried so the output type can be named while the input type is inferred from the schema.
export const method =
  <O>() =>
  <I extends z.ZodType>(input: I): Method<I, O> => ({ input });
