// The browser stand-in for the Electron preload: RPC over `POST /rpc`, events over a WebSocket.
// The launch key comes in the printed link once; the page keeps it in this tab's session storage,
// takes it out of the address bar, and sends it as a header and an event-socket subprotocol. It is
// never a cookie: cookies ignore ports, so the browser would hand it to every other local server.
import type { Bridge } from '../../../shared/contract';
import type { RpcResult } from '../../../shared/errors';
import { WEB_EVENTS_PATH, WEB_EVENTS_PROTOCOL, WEB_KEY_PROTOCOL_PREFIX, WEB_RPC_PATH, type PushedEvent } from '../../../shared/rpc';

export type EventsStatus = 'connecting' | 'open' | 'reconnecting';

interface WebBridgeHooks {
  /** The host refused the session (HTTP 401/403): the page was opened without the printed link. */
  onUnauthorized(): void;
  onEventsStatus(status: EventsStatus): void;
}

const MAX_RECONNECT_DELAY_MS = 10_000;
const KEY_STORAGE = 'salon-broadcast-key';

/** The key from the link (`?token=`), moved into session storage and out of the address bar. */
export function takeLaunchKey(): string | null {
  const url = new URL(location.href);
  const fromLink = url.searchParams.get('token');
  if (fromLink) {
    sessionStorage.setItem(KEY_STORAGE, fromLink);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(KEY_STORAGE);
}

export function createWebBridge(hooks: WebBridgeHooks): Bridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let unauthorized = false;
  const key = takeLaunchKey() ?? '';

  connectEvents(key, {
    onEvent: ({ event, payload }) => listeners.get(event)?.forEach((listener) => listener(payload)),
    onStatus: hooks.onEventsStatus,
    shouldReconnect: () => !unauthorized,
  });

  return {
    async invoke(method, input) {
      const result = await postRpc(key, method, input);
      if (result === 'unauthorized') {
        unauthorized = true;
        hooks.onUnauthorized();
        return failure('This page needs the link printed by npm run start:web.');
      }
      return result;
    },
    on(event, listener) {
      const forEvent = listeners.get(event) ?? new Set();
      listeners.set(event, forEvent);
      forEvent.add(listener);
      return () => forEvent.delete(listener);
    },
  };
}

async function postRpc(key: string, method: string, input: unknown): Promise<RpcResult<unknown> | 'unauthorized'> {
  let response: Response;
  try {
    response = await fetch(WEB_RPC_PATH, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ method, input }),
    });
  } catch {
    return failure('Salon Broadcast is not answering. Check that it is still running, then try again.');
  }
  if (response.status === 401 || response.status === 403) return 'unauthorized';
  const body: unknown = await response.json().catch(() => null);
  return isRpcResult(body)
    ? body
    : failure(`Salon Broadcast sent an answer this page could not read (HTTP ${response.status}).`);
}

interface EventsConnection {
  onEvent(message: PushedEvent): void;
  onStatus(status: EventsStatus): void;
  shouldReconnect(): boolean;
}

/** Keeps one WebSocket open, reconnecting with a growing delay (capped) whenever it drops. */
function connectEvents(key: string, connection: EventsConnection): void {
  const url = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${WEB_EVENTS_PATH}`;
  let failedAttempts = 0;

  const open = (): void => {
    const socket = new WebSocket(url, [WEB_EVENTS_PROTOCOL, `${WEB_KEY_PROTOCOL_PREFIX}${key}`]);
    socket.onopen = () => {
      failedAttempts = 0;
      connection.onStatus('open');
    };
    socket.onmessage = (message) => {
      const pushed = parsePushedEvent(message.data);
      if (pushed) connection.onEvent(pushed);
    };
    socket.onclose = () => {
      if (!connection.shouldReconnect()) return;
      connection.onStatus('reconnecting');
      setTimeout(open, Math.min(500 * 2 ** failedAttempts, MAX_RECONNECT_DELAY_MS));
      failedAttempts += 1;
    };
  };
  open();
}

function parsePushedEvent(data: unknown): PushedEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const message: unknown = JSON.parse(data);
    return isObject(message) && typeof message.event === 'string'
      ? { event: message.event, payload: message.payload }
      : null;
  } catch {
    return null;
  }
}

function isRpcResult(body: unknown): body is RpcResult<unknown> {
  if (!isObject(body)) return false;
  return body.ok === true ? 'value' in body : body.ok === false && isObject(body.error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function failure(message: string): RpcResult<never> {
  return { ok: false, error: { code: 'internal', message } };
}
