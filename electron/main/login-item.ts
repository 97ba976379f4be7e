import { app } from 'electron';

/** Follow the owner's "Start at login" setting. */
export function applyStartAtLogin(openAtLogin: boolean): void {
  // Electron has no login items on Linux. In development the login item would point at the bare
  // Electron binary, not at this app, so only a packaged app registers itself.
  if (process.platform === 'linux' || !app.isPackaged) return;
  app.setLoginItemSettings({ openAtLogin });
}
