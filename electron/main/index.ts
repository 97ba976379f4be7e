// The Electron shell's lifecycle: one instance, one window that hides to the tray, the core bound to IPC.
// Everything that can run without Electron lives in electron/core.
import { existsSync } from 'node:fs';
import { app, dialog, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron';
import type { SettingsDto } from '../../shared/dto';
import { createCore, type Core } from '../core';
import { dataFolderProblem } from '../core/data-folder-check';
import { acquireDataFolderLock, type DataFolderLock } from '../core/data-folder-lock';
import { APP_FOLDER_NAME } from '../core/data-location';
import type { Logger } from '../core/log';
import type { SecretCipher } from '../core/secrets/secret-cipher';
import { callCore as call } from '../core/rpc/call';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { serveCore } from './ipc';
import { chooseSavePath } from './save-dialog';
import { createSafeStorageCipher } from './safe-storage-cipher';
import { createFileLogger } from '../core/log-file';
import { applyStartAtLogin } from './login-item';
import { isAppPage, resolveAppPaths, type AppPaths } from './paths';
import { CONTENT_SECURITY_POLICY, secureSession } from './security';
import { createTray, type AppTray } from './tray';
import { showTrayNoticeOnce } from './tray-notice';
import { createMainWindow, hideOnClose, showWindow } from './window';

const APP_ID = 'com.salonbroadcast.app'; // as in electron-builder.yml

let quitting = false;
let mainWindow: BrowserWindow | undefined;
let tray: AppTray | undefined; // held here so the tray icon is not garbage-collected

// Before anything reads userData: the name decides its folder (shared with the web host), and the
// single-instance lock lives there.
app.setName(APP_FOLDER_NAME);
registerAppScheme();
if (process.platform === 'win32') app.setAppUserModelId(APP_ID); // Windows shows no notifications without it

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow); // macOS: the Dock icon was clicked
  app.on('before-quit', () => {
    quitting = true; // tray Quit, Cmd+Q, app.quit(): from now on the window really closes
  });
  void app.whenReady().then(start);
} else {
  app.quit();
}

function start(): void {
  const paths = resolveAppPaths();
  const folderProblem = dataFolderProblem(paths.userData);
  if (folderProblem) return void failToStart(folderProblem);
  const log = createFileLogger(paths.logFile);
  log.info('Salon Broadcast starting', { version: app.getVersion(), userData: paths.userData });
  const lock = lockDataFolder(paths, log);
  if (!lock) return;
  const core = openCore(paths, log);
  if (!core) return;
  stopCoreOnQuit(core, lock, log);

  secureSession(session.defaultSession);
  serveRenderer(session.defaultSession, paths.rendererDir, CONTENT_SECURITY_POLICY);
  serveCore(core, (url) => isAppPage(url, paths));
  mainWindow = createMainWindow(paths);
  hideOnClose(mainWindow, () => quitting, () => showTrayNoticeOnce(paths.userData));
  tray = createTray({
    open: showMainWindow,
    // The menu redraws from the 'settings.changed' event the core emits after the change.
    setPaused: (paused) => {
      call(core, 'sending.setPaused', { paused }).catch(logError(log, 'Could not pause or resume sending'));
    },
    quit: () => app.quit(),
  });
  followSettings(core, tray, log);
  powerMonitor.on('resume', () => void core.catchUp().catch(logError(log, 'Catch-up after resume failed')));
  core.start();
}

/**
 * The single-instance lock keeps out a second desktop app; this one also keeps out the web host, which
 * uses the same folder. Undefined after telling the owner which app has it (the app then exits).
 */
function lockDataFolder(paths: AppPaths, log: Logger): DataFolderLock | undefined {
  try {
    return acquireDataFolderLock(paths.userData, 'desktop');
  } catch (error) {
    logError(log, 'The data folder is in use')(error);
    return failToStart(error instanceof Error ? error.message : String(error));
  }
}

/** The core, or undefined after telling the owner why it could not open (the app then exits). */
function openCore(paths: AppPaths, log: Logger): Core | undefined {
  if (!existsSync(paths.nativeBinding)) {
    log.error('Electron build of better-sqlite3 missing', { path: paths.nativeBinding });
    return failToStart(
      `The database engine built for Electron is missing:\n${paths.nativeBinding}\n\n` +
        'Run `npm run start` again: it builds it before starting the app.',
    );
  }
  try {
    return createCore({
      dbPath: paths.dbFile,
      migrationsDir: paths.migrationsDir,
      nativeBinding: paths.nativeBinding,
      host: 'desktop',
      log,
      chooseSavePath,
      ...keychainCipher(log),
    });
  } catch (error) {
    logError(log, 'Could not open the database')(error);
    return failToStart(`Salon Broadcast could not open its data in ${paths.userData}.\n\n${String(error)}`);
  }
}

/**
 * Provider secrets go to the OS keychain through safeStorage (the app is ready by now, as Linux needs).
 * A computer without one keeps them in the core's key file instead, which Settings warns about.
 */
function keychainCipher(log: Logger): { secretCipher?: SecretCipher } {
  try {
    return { secretCipher: createSafeStorageCipher(safeStorage) };
  } catch (error) {
    logError(log, 'No secure storage; provider secrets use a key file')(error);
    return {};
  }
}

function failToStart(message: string): undefined {
  dialog.showErrorBox('Salon Broadcast cannot start', message);
  app.exit(1);
  return undefined;
}

/** On quit, let in-flight sends settle and close the database before the process ends. */
function stopCoreOnQuit(core: Core, lock: DataFolderLock, log: Logger): void {
  let stopping: Promise<void> | undefined;
  app.on('will-quit', (event) => {
    event.preventDefault(); // app.exit() below ends the process without coming back here
    stopping ??= core
      .stop()
      .catch(logError(log, 'The core did not stop cleanly'))
      .finally(() => {
        lock.release();
        app.exit(0);
      });
  });
}

/** Keep the tray and the login item in step with the settings, now and on every change. */
function followSettings(core: Core, appTray: AppTray, log: Logger): void {
  const apply = (settings: SettingsDto) => {
    appTray.showSettings(settings);
    applyStartAtLogin(settings.startAtLogin);
  };
  core.events.on('settings.changed', apply);
  call(core, 'settings.get', {}).then(apply, logError(log, 'Could not read the settings'));
}

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) showWindow(mainWindow);
}

function logError(log: Logger, message: string): (error: unknown) => void {
  return (error) => {
    log.error(message, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  };
}
