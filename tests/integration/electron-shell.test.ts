// The Electron shell, as closely as this machine allows: electron/main/index.ts loaded under Node
// with a stand-in `electron` module that records every call (tests/support/fake-electron.ts), over
// the real core on a real database. It checks the window's locks, the CSP, navigation and new
// windows, the IPC sender check, the tray, power resume, a second instance and a clean quit.
import { copyFileSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core';
import { LOCK_FILE_NAME } from '../../electron/core/data-folder-lock';
import { app, fakeElectron, recorded } from '../support/fake-electron';
import { tempDir, waitFor } from '../support/test-core';

const ROOT = resolve(__dirname, '..', '..');

vi.mock('electron', async () => {
  const fake = await import('../support/fake-electron');
  return { ...fake.fakeElectron, default: fake.fakeElectron };
});
// electron-vite turns these into file paths at build time.
vi.mock('../../build/tray.png?asset', () => ({ default: join(ROOT, 'build', 'tray.png') }));
vi.mock('../../build/trayTemplate.png?asset', () => ({ default: join(ROOT, 'build', 'trayTemplate.png') }));
// The core the shell makes, kept to watch its catch-up and its stop.
const made = vi.hoisted(() => ({ core: null as Core | null }));
vi.mock('../../electron/core', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core')>();
  return {
    ...real,
    createCore: (options: Parameters<typeof real.createCore>[0]) => {
      const core = real.createCore(options);
      made.core = core;
      return core;
    },
  };
});

describe('the Electron shell', () => {
  const dir = tempDir();
  let core: Core;

  beforeAll(async () => {
    // The app's folder as electron-vite lays it out in development: migrations, and the native
    // database engine (here the Node build, since the stand-in runs under Node).
    app.userData = join(dir.path, 'userData');
    app.appPath = join(dir.path, 'app');
    mkdirSync(join(app.appPath, 'native', 'electron'), { recursive: true });
    copyFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(app.appPath, 'native', 'electron', 'better_sqlite3.node'));
    symlinkSync(join(ROOT, 'db'), join(app.appPath, 'db'));
    Reflect.deleteProperty(process.env, 'ELECTRON_RENDERER_URL');
    await import('../../electron/main/index');
    core = await waitFor(() => made.core ?? undefined);
    await waitFor(() => (recorded.windows.length > 0 ? true : undefined));
  });

  afterAll(async () => {
    await core.stop();
    dir.remove();
  });

  const window = () => {
    const first = recorded.windows[0];
    if (!first) throw new Error('no window');
    return first;
  };

  it('locks the window down: context isolation, sandbox, no Node, web security, our preload', () => {
    expect(window().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(window().options.webPreferences?.preload)).toMatch(/preload[/\\]index\.js$/);
  });

  it('serves the renderer on a privileged app:// scheme registered before the app is ready, never file://', async () => {
    expect(recorded.sequence.indexOf('registerSchemesAsPrivileged')).toBeLessThan(recorded.sequence.indexOf('whenReady'));
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(window().loadedUrl).toBe('app://salon/index.html');
    const serve = recorded.protocolHandlers.get('app');
    if (!serve) throw new Error('app:// is not served');
    const page = await serve(new Request('app://salon/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(recorded.fetched.at(-1)).toMatch(/^file:\/\/.*renderer\/index\.html$/);
    const rendererDir = new URL(recorded.fetched.at(-1) ?? '').pathname.replace(/index\.html$/, '');
    // Dot segments never climb out of the renderer folder: at worst they name a file inside it.
    for (const climbing of ['app://salon/../../../etc/passwd', 'app://salon/%2e%2e/%2e%2e/etc/passwd', 'app://salon/..%2f..%2fetc%2fpasswd']) {
      const answer = await serve(new Request(climbing));
      if (answer.status === 200) expect(new URL(recorded.fetched.at(-1) ?? '').pathname.startsWith(rendererDir), climbing).toBe(true);
      else expect(answer.status, climbing).toBe(404);
    }
    for (const foreign of ['app://other/index.html', 'app://salon/%E0%A4%A', 'app://salon/a%00b']) {
      expect((await serve(new Request(foreign))).status, foreign).toBe(404);
    }
  });

  it('sends a strict CSP with every response, and grants no permission', () => {
    let headers: Record<string, string[]> = {};
    recorded.headersListener?.({ responseHeaders: {} }, (response) => (headers = (response as { responseHeaders: Record<string, string[]> }).responseHeaders));
    const csp = headers['Content-Security-Policy']?.[0] ?? '';
    for (const rule of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) expect(csp).toContain(rule);
    expect(csp).not.toContain('unsafe-eval');
    const answers: boolean[] = [];
    recorded.permissionRequest?.({}, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(recorded.permissionCheck?.({}, 'notifications', 'app://salon', {})).toBe(false);
  });

  it('stays on its own page: navigation away is prevented, new windows denied, and only the app’s own https links open', () => {
    const contents = window().webContents;
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('app://salon/index.html#/contacts')).toBe(false);
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://console.twilio.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/phish' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'http://console.twilio.com/' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://console.twilio.com/']);
  });

  it('answers IPC only from its own page', async () => {
    const rpc = recorded.ipcHandlers.get('rpc');
    if (!rpc) throw new Error('no rpc handler');
    expect(await rpc({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await rpc({ senderFrame: null }, 'app.info', {})).toMatchObject({ ok: false });
    expect(await rpc({ senderFrame: { url: 'app://salon/index.html' } }, 'app.info', {})).toMatchObject({ ok: true, value: { host: 'desktop' } });
  });

  it('offers Open, Pause and Quit in the tray, and the menu follows pausing', async () => {
    const labels = (items: Array<{ label?: string; type?: string }> | undefined) => items?.map((item) => item.label ?? item.type);
    expect(labels(recorded.trayMenus.at(-1))).toEqual(['Open', 'Pause all sending', 'separator', 'Quit']);
    recorded.trayMenus.at(-1)?.find((item) => item.label === 'Pause all sending')?.click?.();
    await waitFor(() => (labels(recorded.trayMenus.at(-1))?.includes('Resume sending') ? true : undefined));
    const settings = await recorded.ipcHandlers.get('rpc')?.({ senderFrame: { url: 'app://salon/index.html' } }, 'settings.get', {});
    expect(settings).toMatchObject({ ok: true, value: { sendingPaused: true } });
  });

  it('runs the catch-up on power resume, and a second instance brings the window forward', async () => {
    const catchUp = vi.spyOn(core, 'catchUp');
    fakeElectron.powerMonitor.emit('resume');
    expect(catchUp).toHaveBeenCalledOnce();
    const shownBefore = window().shown;
    app.emit('second-instance');
    expect(window().shown).toBe(shownBefore + 1);
    expect(window().focused).toBeGreaterThan(0);
  });

  it('hides to the tray on close, and quitting stops the core, frees the data folder and exits 0', async () => {
    let prevented = false;
    window().emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(window().hidden).toBe(1);

    expect(existsSync(join(app.userData, LOCK_FILE_NAME))).toBe(true);
    const stop = vi.spyOn(core, 'stop');
    app.emit('before-quit');
    app.emit('will-quit', { preventDefault: () => undefined });
    await waitFor(() => (recorded.exitCodes.length > 0 ? true : undefined));
    expect(stop).toHaveBeenCalledOnce();
    expect(recorded.exitCodes).toEqual([0]);
    expect(existsSync(join(app.userData, LOCK_FILE_NAME))).toBe(false);
    expect(recorded.errorBoxes).toEqual([]);
  });
});
