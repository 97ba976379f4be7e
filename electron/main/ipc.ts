// The Electron transport of the contract: one RPC channel in, one event channel out.
import { BrowserWindow, ipcMain } from 'electron';
import type { RpcResult } from '../../shared/errors';
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL } from '../../shared/rpc';
import type { Core } from '../core';

const REFUSED: RpcResult<never> = {
  ok: false,
  error: { code: 'invalid_input', message: 'Request refused: not from the app window' },
};
const NOT_A_METHOD: RpcResult<never> = {
  ok: false,
  error: { code: 'unknown_method', message: 'The method name must be a string' },
};

export function serveCore(core: Core, isAppPage: (url: string | undefined) => boolean): void {
  ipcMain.handle(IPC_RPC_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isAppPage(event.senderFrame?.url)) return REFUSED;
    if (typeof method !== 'string') return NOT_A_METHOD;
    return core.dispatch(method, input);
  });
  core.events.onAny((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
}
