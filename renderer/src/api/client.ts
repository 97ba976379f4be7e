// The renderer's only way to talk to the core. The transport is picked once: the Electron preload
// bridge when it is there, the web host's HTTP + WebSocket bridge otherwise. Both satisfy Bridge.
import type { Bridge, EventName, Events, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { RpcResult } from '../../../shared/errors';
import { useConnection } from '../stores/connection';
import { ApiError } from './ApiError';
import { createWebBridge } from './webBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    salon?: Bridge;
  }
}

const bridge: Bridge =
  window.salon ??
  createWebBridge({
    onUnauthorized: () => useConnection.setState({ unauthorized: true }),
    onEventsStatus: (events) => useConnection.setState({ events }),
  });

/** Run one contract method. Throws ApiError when the core says no. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let result: RpcResult<unknown>;
  try {
    result = await bridge.invoke(method, input);
  } catch {
    throw new ApiError({ code: 'internal', message: 'Salon Broadcast did not answer. Please try again.' });
  }
  if (!result.ok) throw new ApiError(result.error);
  // The core answers each method with the output type the contract names for it.
  return result.value as MethodOutput<M>;
}

/** Listen to one pushed event; returns the function that stops listening. */
export function subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  // The core emits each event with the payload type the contract names for it.
  return bridge.on(event, (payload) => listener(payload as Events[E]));
}
