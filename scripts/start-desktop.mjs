// `npm start`: check Electron is usable, make sure the Electron build of better-sqlite3 exists,
// then build and start the desktop app with `electron-vite preview`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

requireElectronBinary();
runNode(join(root, 'scripts', 'build-electron-sqlite.mjs'), ['--if-needed']);
runNode(join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['preview']);

// The electron package downloads its binary on first use; without a network that fails.
function requireElectronBinary() {
  try {
    require('electron');
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error).split('\n')[0];
    console.error(
      [
        '',
        "The desktop app needs Electron's binary, which could not be downloaded:",
        `  ${reason}`,
        '',
        'Run `npm run start:web` to use Salon Broadcast in your browser instead.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

/** Run a Node script in the project root with this terminal; stop here if it fails. */
function runNode(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}
