// electron-vite's module types: `*?asset` imports (files copied into out/main) and ELECTRON_RENDERER_URL.
/// <reference types="electron-vite/node" />
