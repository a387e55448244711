import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three builds: the main process (which also yields the CLI entry, since the CLI and
 * browser mode share the store and the API handlers, the import worker thread and the store worker threads),
 * the preload, and the renderer.
 */
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main.ts'),
          cli: resolve(__dirname, 'electron/cli.ts'),
          'import-worker': resolve(__dirname, 'electron/services/import/worker.ts'),
          'store-worker': resolve(__dirname, 'electron/backend/store-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require('electron'): what it imports (the list of method names) is inlined.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      // Minified: the page parses a third of the code, and the library shows its first rows sooner.
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
