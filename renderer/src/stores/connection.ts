import { create } from 'zustand';
import type { EventsStatus } from '../api/webBridge';

interface ConnectionState {
  /** The web host refused this page: it was opened without the printed link. */
  unauthorized: boolean;
  /** Live updates over the web host's WebSocket; stays 'connecting' in the desktop app, where IPC never drops. */
  events: EventsStatus;
}

export const useConnection = create<ConnectionState>(() => ({ unauthorized: false, events: 'connecting' }));

/** Calls `listener` each time live updates come back after a drop: events sent meanwhile were lost. */
export function onReconnected(listener: () => void): () => void {
  return useConnection.subscribe((now, before) => {
    if (before.events === 'reconnecting' && now.events === 'open') listener();
  });
}
