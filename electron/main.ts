/**
 * The desktop app's main process: it starts the store's worker threads, serves the API over IPC, and opens one
 * window that follows Electron's security checklist. It stays thin: everything worth testing
 * lives in the handlers, which browser mode serves too.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { startWorkerBackend } from './backend/worker-backend';
import { dbFlag, defaultDataDir, defaultUploadDir, resolveDbPath, storeWorkerScript } from './paths';
import { CONTENT_SECURITY_POLICY, refuseNewWindow } from './security';
import { uploadsIn } from './services/uploads';
import { registerIpcHandlers } from './transport/ipc';

const rendererIndex = join(__dirname, '../renderer/index.html');
const preloadScript = join(__dirname, '../preload/index.js');
/** electron-vite's dev server, when run with `npm run dev`. */
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

/** Whether a frame URL is Sanad's own renderer (the built file, or the dev server). */
function isTrustedFrameUrl(frameUrl: string): boolean {
  try {
    const url = new URL(frameUrl);
    if (devServerUrl) return url.origin === new URL(devServerUrl).origin;
    return url.protocol === 'file:' && url.pathname === pathToFileURL(rendererIndex).pathname;
  } catch {
    return false;
  }
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Sanad',
    show: false,
    webPreferences: {
      preload: preloadScript,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererIndex);
  return window;
}

// Every web contents, present or future: no navigation away, no new windows (a click on a
// target=_blank link, a middle click and window.open alike), no embedded <webview>, no permissions.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(refuseNewWindow);
});

// One data directory for the desktop app, the CLI and browser mode, so they share one store.
app.setPath('userData', defaultDataDir());

app
  .whenReady()
  .then(async () => {
    // The store lives in worker threads: the main process, which draws the window, runs no SQL.
    // Files to import arrive over IPC into this folder; the store's writer reads them there.
    const uploadDir = defaultUploadDir();
    const backend = await startWorkerBackend({
      dbPath: resolveDbPath(dbFlag(process.argv), process.env, app.getPath('userData')),
      workerScript: storeWorkerScript(__dirname),
      uploadDir,
    });
    registerIpcHandlers(ipcMain, backend.dispatch, isTrustedFrameUrl, uploadsIn(uploadDir));
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    app.on('window-all-closed', () => {
      void backend.close().then(() => app.quit());
    });
    createWindow();
  })
  .catch((error: unknown) => {
    dialog.showErrorBox('Sanad could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
