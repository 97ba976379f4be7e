// `npm run build` (electron-vite) must leave the three bundles the desktop app is made of.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const out = join(resolve(__dirname, '..', '..'), 'out');
const read = (path: string) => readFileSync(join(out, path), 'utf8');

test('the build produces the main, preload and renderer bundles', () => {
  for (const file of ['main/index.js', 'preload/index.js', 'renderer/index.html']) {
    expect(existsSync(join(out, file)), `out/${file}: run npm run build first`).toBe(true);
  }
  // The native database module is loaded at run time, never bundled.
  expect(read('main/index.js')).toContain('require("better-sqlite3")');
  // A sandboxed preload cannot load ES modules or Node built-ins: CommonJS, electron only.
  const preload = read('preload/index.js');
  expect(preload).toMatch(/^"use strict";/);
  expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  // The page loads its script from the bundle, under the strict CSP.
  const page = read('renderer/index.html');
  expect(page).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
  expect(page).toContain("script-src 'self'");
});
