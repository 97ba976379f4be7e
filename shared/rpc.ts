// Wire names shared by the transports.
export const IPC_RPC_CHANNEL = 'rpc';
export const IPC_EVENT_CHANNEL = 'event';
export const WEB_RPC_PATH = '/rpc';
export const WEB_EVENTS_PATH = '/events';

export interface PushedEvent {
  event: string;
  payload: unknown;
}

/**
 * The browser's event socket names these subprotocols: ours, and `key.<launch key>`, since a
 * WebSocket cannot carry an Authorization header and the key is never kept in a cookie.
 */
export const WEB_EVENTS_PROTOCOL = 'salon-broadcast';
export const WEB_KEY_PROTOCOL_PREFIX = 'key.';
