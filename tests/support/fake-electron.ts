// A stand-in for the `electron` module, for the shell test (tests/integration/electron-shell.test.ts):
// Electron cannot run on this machine, so the shell is loaded under Node with this module in its
// place. It does nothing but record what the shell asked of it, so the test can check the calls.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export interface MenuItem {
  label?: string;
  type?: string;
  click?: () => void;
}

/** Everything the shell did, in order where order matters. */
export const recorded = {
  /** Calls in the order they happened: "registerSchemesAsPrivileged", "whenReady", ... */
  sequence: [] as string[],
  privilegedSchemes: [] as unknown[],
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, Listener>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  fetched: [] as string[],
  headersListener: null as null | ((details: { responseHeaders: Record<string, string[]> }, callback: (response: unknown) => void) => void),
  permissionRequest: null as null | ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  openedExternally: [] as string[],
  errorBoxes: [] as string[],
  trayMenus: [] as MenuItem[][],
  exitCodes: [] as number[],
  quits: 0,
};

export const app = Object.assign(new EventEmitter(), {
  userData: '',
  appPath: '',
  setName: (name: string) => void recorded.sequence.push(`setName:${name}`),
  setAppUserModelId: () => undefined,
  requestSingleInstanceLock: () => true,
  whenReady: () => {
    recorded.sequence.push('whenReady');
    return Promise.resolve();
  },
  getPath: (name: string) => (name === 'userData' ? app.userData : app.userData),
  getAppPath: () => app.appPath,
  getVersion: () => '0.0.0-test',
  isPackaged: false,
  quit: () => void recorded.quits++,
  exit: (code = 0) => void recorded.exitCodes.push(code),
  setLoginItemSettings: () => undefined,
});

class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = (): FakeBrowserWindow[] => recorded.windows;
  static getFocusedWindow = (): FakeBrowserWindow | null => null;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = 0;
  focused = 0;
  hidden = 0;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized = () => false;
  isDestroyed = () => false;
  restore = () => undefined;
  show = () => void this.shown++;
  focus = () => void this.focused++;
  hide = () => void this.hidden++;
}

class FakeTray extends EventEmitter {
  setToolTip = () => undefined;
  setContextMenu = (menu: { items: MenuItem[] }) => void recorded.trayMenus.push(menu.items);
}

const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: (listener: typeof recorded.headersListener) => void (recorded.headersListener = listener),
    },
    setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => void (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => void (recorded.permissionCheck = handler),
    protocol: {
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => void recorded.protocolHandlers.set(scheme, handler),
    },
  },
};

/** What `import ... from 'electron'` gives the shell in the test. */
export const fakeElectron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Menu: { buildFromTemplate: (items: MenuItem[]) => ({ items }) },
  nativeImage: { createFromBuffer: () => ({ setTemplateImage: () => undefined }) },
  Notification: Object.assign(
    class {
      show = () => undefined;
    },
    { isSupported: () => false },
  ),
  ipcMain: { handle: (channel: string, handler: Listener) => void recorded.ipcHandlers.set(channel, handler) },
  dialog: {
    showErrorBox: (_title: string, message: string) => void recorded.errorBoxes.push(message),
    showSaveDialog: () => Promise.resolve({ canceled: true }),
  },
  powerMonitor: new EventEmitter(),
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain: string) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (data: Buffer) => Buffer.from(data).reverse().toString('utf8'),
  },
  session,
  shell: { openExternal: (url: string) => void recorded.openedExternally.push(url) },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      recorded.sequence.push('registerSchemesAsPrivileged');
      recorded.privilegedSchemes.push(...schemes);
    },
  },
  net: {
    fetch: (url: string) => {
      recorded.fetched.push(url);
      return Promise.resolve(new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } }));
    },
  },
};
