// The desktop shell starts, loads the renderer through the preload, and shows the console.
// Needs `npm run build` (out/) and the Electron build of better-sqlite3 (`npm start` makes it).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(__dirname, '..', '..');

/** The installed Electron binary, found without require('electron'), which would try to download it. */
function electronBinary(): string | undefined {
  try {
    const packageDir = join(root, 'node_modules', 'electron');
    const binary = join(packageDir, 'dist', readFileSync(join(packageDir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const executablePath = electronBinary();

test('the desktop app opens on the dashboard', async () => {
  test.skip(!executablePath, 'no Electron binary on this machine');
  // Without it the app stops at a modal error box, which would only show here as a timeout.
  const nativeBinding = join(root, 'native', 'electron', 'better_sqlite3.node');
  expect(existsSync(nativeBinding), 'run `node scripts/build-electron-sqlite.mjs` (or `npm start`) first').toBe(true);
  const userDataDir = mkdtempSync(join(tmpdir(), 'salon-broadcast-e2e-'));
  const app = await electron.launch({
    executablePath,
    // The project root, as `electron-vite preview` does: package.json "main" is out/main/index.js,
    // and app.getAppPath() is the root, where native/ and db/migrations are.
    args: [
      root,
      `--user-data-dir=${userDataDir}`,
      // Chromium's sandbox refuses to run as root (CI containers).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Salon Broadcast/);
    await expect(window.getByRole('navigation').getByRole('link', { name: 'Dashboard' })).toBeVisible();
  } finally {
    await app.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
