// The renderer's only door to the core: window.salon = { invoke, on }. Sandboxed, so it may only use `electron`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/contract';
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL } from '../../shared/rpc';

const bridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_RPC_CHANNEL, method, input),
  on(event, listener) {
    const forward = (_sender: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.off(IPC_EVENT_CHANNEL, forward);
    };
  },
} satisfies Bridge;

contextBridge.exposeInMainWorld('salon', bridge);
