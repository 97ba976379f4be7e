import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product name Electron uses for its per-user folder; the web host uses the same folder. */
export const APP_FOLDER_NAME = 'Salon Broadcast';
export const DB_FILE_NAME = 'salon-broadcast.db';
export const LOG_FILE_NAME = 'salon-broadcast.log';

/** The same folder as Electron's app.getPath('userData') for this app, on each OS. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, APP_FOLDER_NAME);
}
