import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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

/**
 * Where the web host keeps the key to its saved passwords: a per-user folder apart from the data
 * folder, so a backup copy of the data never carries the key with it (and a restored copy asks for
 * the passwords again). One key per data folder, named after the folder's path.
 */
export function secretKeyPath(dataDir: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = homedir();
  const keysDir =
    platform === 'win32'
      ? join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), APP_FOLDER_NAME, 'Keys')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support', `${APP_FOLDER_NAME} Keys`)
        : join(env.XDG_STATE_HOME ?? join(home, '.local', 'state'), 'salon-broadcast', 'keys');
  const folder = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(keysDir, `secrets-${folder}.key`);
}

/** Where earlier versions kept that key: inside the data folder, beside the database. */
export function legacySecretKeyPath(dataDir: string): string {
  return join(dataDir, 'secrets.key');
}
