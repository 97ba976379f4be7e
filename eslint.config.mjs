import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'release/', 'native/', '.cache/', 'test-results/', 'playwright-report/', 'db/migrations/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs under plain Node (tests, web host) as well as in Electron's main process.
    files: ['electron/core/**', 'electron/web/**', 'db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core runs under plain Node: keep Electron in electron/main.' }] }],
    },
  },
  {
    // The contract is imported by both sides: zod only.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: 'shared/ is imported by the renderer too: no Node or Electron modules.' }] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, 'electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', '**/electron/**', '**/db/**'], message: 'The renderer talks to the core only through the contract (renderer/src/api).' }] }],
    },
  },
);
