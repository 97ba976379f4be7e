import type { MethodArgs, MethodName, MethodOutput } from '../../../shared/contract';

/** One handler per contract method, receiving the validated input. */
export type Handlers = {
  [M in MethodName]: (args: MethodArgs<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};
