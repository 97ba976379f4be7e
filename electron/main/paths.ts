// Where the shell finds its files, in development (`electron-vite preview` / `dev`) and when packaged.
import { join } from 'node:path';
import { app } from 'electron';
import { DB_FILE_NAME, LOG_FILE_NAME } from '../core/data-location';
import { isOnAppOrigin } from './app-protocol';

export interface AppPaths {
  userData: string;
  dbFile: string;
  logFile: string;
  /** The Electron-ABI better-sqlite3 build made by scripts/build-electron-sqlite.mjs. */
  nativeBinding: string;
  /** db/migrations: shipped as an extra resource when packaged (see electron-builder.yml). */
  migrationsDir: string;
  preload: string;
  /** The built renderer, served on app://salon/ (app-protocol.ts). */
  rendererDir: string;
  /** The Vite dev server of `electron-vite dev`; never honoured in a packaged app. */
  devServerUrl: string | undefined;
}

/** Call after app.setName(), which decides the userData folder. */
export function resolveAppPaths(): AppPaths {
  const userData = app.getPath('userData');
  // app.getAppPath() is the project root in development and .../resources/app.asar when packaged;
  // native binaries cannot load from inside the asar, so electron-builder unpacks them beside it.
  const appRoot = app.getAppPath().replace('app.asar', 'app.asar.unpacked');
  return {
    userData,
    // The same file names as the web host's, so both hosts open the same data in the same folder.
    dbFile: join(userData, DB_FILE_NAME),
    logFile: join(userData, 'logs', LOG_FILE_NAME),
    nativeBinding: join(appRoot, 'native', 'electron', 'better_sqlite3.node'),
    migrationsDir: app.isPackaged
      ? join(process.resourcesPath, 'migrations')
      : join(app.getAppPath(), 'db', 'migrations'),
    preload: join(__dirname, '../preload/index.js'),
    rendererDir: join(__dirname, '../renderer'),
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  };
}

/** True when `url` is the app's own page: on app://salon, or the dev server in development. */
export function isAppPage(url: string | undefined, paths: Pick<AppPaths, 'devServerUrl'>): boolean {
  try {
    const target = new URL(url ?? '');
    if (paths.devServerUrl) return target.origin === new URL(paths.devServerUrl).origin;
    return isOnAppOrigin(target);
  } catch {
    return false; // not a URL
  }
}
