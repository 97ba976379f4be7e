// Wires the core's pushed events into the stores, and catches up after the event stream was down.
import { subscribe } from '../api/client';
import { useBroadcasts } from './broadcasts';
import { onReconnected } from './connection';
import { useContacts } from './contacts';
import { useImport } from './importWizard';
import { useReplies } from './replies';
import { useSending } from './sending';
import { useSettingsStore } from './settings';

/** Start live updates; returns the function that stops them. */
export function startLiveUpdates(): () => void {
  const stops = [
    subscribe('settings.changed', (settings) => useSettingsStore.getState().apply(settings)),
    subscribe('broadcast.progress', (progress) => useBroadcasts.getState().applyProgress(progress)),
    subscribe('contacts.changed', () => useContacts.getState().reload()),
    subscribe('import.progress', (progress) => useImport.getState().applyProgress(progress)),
    subscribe('sending.changed', (sending) => useSending.getState().apply(sending)),
    subscribe('reply.received', (reply) => useReplies.getState().received(reply)),
    onReconnected(() => {
      void useSettingsStore.getState().load();
      void useBroadcasts.getState().load();
      useContacts.getState().reload();
      void useImport.getState().refresh();
      if (useSending.getState().sending) void useSending.getState().load();
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
