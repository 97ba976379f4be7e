// Wire names shared by the transports.
export const IPC_RPC_CHANNEL = 'rpc';
export const IPC_EVENT_CHANNEL = 'event';
export const WEB_RPC_PATH = '/rpc';
export const WEB_EVENTS_PATH = '/events';

export interface PushedEvent {
  event: string;
  payload: unknown;
}
