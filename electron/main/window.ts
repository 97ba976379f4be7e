import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-protocol';
import { isAppPage, type AppPaths } from './paths';
import { confineToApp } from './security';

export function createMainWindow(paths: AppPaths): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Salon Broadcast',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  confineToApp(window.webContents, (url) => isAppPage(url, paths));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(paths.devServerUrl ?? APP_START_URL);
  return window;
}

export function showWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** Closing the window only hides it: the app keeps sending from the tray until a real quit. */
export function hideOnClose(window: BrowserWindow, isQuitting: () => boolean, onHide: () => void): void {
  window.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    window.hide();
    onHide();
  });
}
