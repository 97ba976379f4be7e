// Builds better-sqlite3 for the installed Electron into native/electron/better_sqlite3.node.
// node_modules/better-sqlite3 keeps its own Node build (tests and the web host need it), so the
// Electron build happens in a copy under .cache/electron-sqlite.
//
//   node scripts/build-electron-sqlite.mjs              always build
//   node scripts/build-electron-sqlite.mjs --if-needed  build only if missing or made for other versions
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'node_modules', 'better-sqlite3');
const workDir = join(root, '.cache', 'electron-sqlite');
const outputDir = join(root, 'native', 'electron');
const output = join(outputDir, 'better_sqlite3.node');
// Records which versions the binary was built for, so an upgrade of either triggers a rebuild.
const stampFile = join(outputDir, 'built-for.txt');

const electronVersion = packageVersion('electron');
const stamp = `electron ${electronVersion}, better-sqlite3 ${packageVersion('better-sqlite3')}, ${process.platform}-${process.arch}\n`;

if (process.argv.includes('--if-needed') && existsSync(output) && readIfExists(stampFile) === stamp) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${process.arch})...`);
prepareWorkDir();
if (!downloadPrebuilt() && !compileFromSource()) {
  fail(
    'Could not get better-sqlite3 for Electron: the prebuilt download failed and compiling it failed too.\n' +
      'Both need the internet (github.com for the prebuilt binary, electronjs.org for the headers);\n' +
      'compiling also needs Python and a C++ toolchain. See the messages above.',
  );
}
const built = join(workDir, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(built)) fail(`The build finished but ${built} is missing.`);
mkdirSync(outputDir, { recursive: true });
copyFileSync(built, output);
writeFileSync(stampFile, stamp);
console.log(`Built ${output}`);

function packageVersion(name) {
  const file = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(file)) fail(`${name} is not installed (no ${file}). Run \`npm install\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function readIfExists(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** A fresh copy of better-sqlite3 without its Node build. */
function prepareWorkDir() {
  rmSync(workDir, { recursive: true, force: true });
  const nodeBuild = join(sourceDir, 'build');
  cpSync(sourceDir, workDir, { recursive: true, filter: (path) => path !== nodeBuild });
}

function downloadPrebuilt() {
  const prebuildInstall = join(root, 'node_modules', 'prebuild-install', 'bin.js');
  return run(process.execPath, [
    prebuildInstall,
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--verbose',
  ]);
}

function compileFromSource() {
  const nodeGyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ];
  if (existsSync(nodeGyp)) return run(process.execPath, [nodeGyp, ...args]);
  // npx is a .cmd script on Windows, which only starts through a shell.
  return run('npx', ['--no-install', 'node-gyp', ...args], { shell: process.platform === 'win32' });
}

/** Run a build step in the work directory; true when it succeeded. */
function run(command, args, options = {}) {
  console.log(`\n> ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: workDir, stdio: 'inherit', ...options });
  if (result.error) console.error(`Could not start ${command}: ${result.error.message}`);
  return result.status === 0;
}

function fail(message) {
  console.error(`\n${message}`);
  process.exit(1);
}
