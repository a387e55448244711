/**
 * The desktop shell, proven without Electron's binary: the built preload and main process are
 * loaded with a stand-in `electron` module that records what they ask for.
 */
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethodNames, DOWNLOAD_CHANNEL, UPLOAD_CHANNEL } from '../../electron/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { tempDir } from '../helpers';

const out = resolve(__dirname, '../../out');
const builtMain = join(out, 'main/index.js');
const builtPreload = join(out, 'preload/index.js');
const builtRendererIndex = join(out, 'renderer/index.html');

describe('the built preload', () => {
  const code = readFileSync(builtPreload, 'utf8');

  it('is CommonJS, since a sandboxed preload cannot be an ES module', () => {
    expect(builtPreload.endsWith('.js')).toBe(true);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('is self-contained: the only module it requires is electron', () => {
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes one function per API method, each invoking its own channel, uploadChunk and downloadChunk, but not ipcRenderer itself', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: async (...args: unknown[]) => invoked.push(args) },
    };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
    expect(Object.keys(exposed)).toEqual(['sanadIpc']);
    const bridge = exposed.sanadIpc as Record<string, (arg: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...apiMethodNames, 'uploadChunk', 'downloadChunk'].sort());
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true);
    await bridge.getArticle!({ id: 3 });
    const piece = { name: 'a.txt', bytes: new Uint8Array([1, 2]), last: true };
    await bridge.uploadChunk!(piece);
    await bridge.downloadChunk!({ downloadId: 'D'.repeat(32), offset: 0 });
    expect(invoked).toEqual([
      ['api:getArticle', { id: 3 }],
      [UPLOAD_CHANNEL, piece],
      [DOWNLOAD_CHANNEL, { downloadId: 'D'.repeat(32), offset: 0 }],
    ]);
    // One argument crosses, whatever the page passes; the bridge cannot be changed from the page.
    await (bridge.listTags as (...args: unknown[]) => Promise<unknown>)({}, 'api:undo', { extra: true });
    expect(invoked.at(-1)).toEqual(['api:listTags', {}]);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('holds nothing but the method names and one invoke each: no zod, no schema, a couple of kilobytes', () => {
    expect(code.length).toBeLessThan(4096);
    expect(code).not.toMatch(/require\("zod"\)|ZodError|safeParse|_zod\b/);
    expect(code).not.toMatch(/\bsend\(|sendSync|\.on\(|removeListener|webFrame|process\./);
    // One invoke for the methods, one for an uploaded file's pieces, one for a downloaded file's: nothing but invoke.
    expect([...code.matchAll(/ipcRenderer\.(\w+)/g)].map((m) => m[1])).toEqual(['invoke', 'invoke', 'invoke']);
  });
});

describe('the renderer', () => {
  it('turns a middle click (auxclick) on a link into its click, so both buttons take one path', async () => {
    const { routeMiddleClicksLikeClicks } = await import('../../renderer/src/links');
    let listener: ((event: unknown) => void) | null = null;
    let options: unknown = null;
    routeMiddleClicksLikeClicks({ addEventListener: ((type: string, handler: (event: unknown) => void, given: unknown) => {
      expect(type).toBe('auxclick');
      listener = handler;
      options = given;
    }) as Document['addEventListener'] });
    expect(options).toEqual({ capture: true });
    let clicked = 0;
    let prevented = 0;
    const link = { click: () => clicked++ };
    const event = (button: number, target: unknown) => ({ button, target, preventDefault: () => prevented++ });
    const onLink = { closest: (selector: string) => (selector === 'a[href]' ? link : null) };
    listener!(event(1, onLink));
    expect([clicked, prevented]).toEqual([1, 1]);
    // Other buttons, and middle clicks outside links, are left alone.
    listener!(event(2, onLink));
    listener!(event(1, { closest: () => null }));
    listener!(event(1, null));
    expect([clicked, prevented]).toEqual([1, 1]);
  });

  it('is built with that handler in place', () => {
    const scripts = [...readFileSync(builtRendererIndex, 'utf8').matchAll(/src="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    // (React names auxclick too: this looks for the listener that clicks the link.)
    const registered = /addEventListener\(["'`]auxclick["'`],[^]{0,200}?closest\W+a\[href\][^]{0,80}?\.click\(\)/;
    expect(scripts.some((script) => registered.test(readFileSync(join(out, 'renderer', script), 'utf8')))).toBe(true);
  });
});

describe('the built main process, under a stand-in electron', () => {
  const record = {
    windows: [] as { webPreferences: Record<string, unknown> }[],
    loadedFile: '',
    ipc: new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>(),
    appEvents: new Map<string, (...args: unknown[]) => void>(),
    headersHook: null as null | ((details: unknown, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    permissionHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    startupError: '',
  };
  const userData = tempDir();
  const originalLoad = (Module as unknown as { _load: (...args: unknown[]) => unknown })._load;

  beforeAll(async () => {
    class BrowserWindow {
      webContents = { on: () => undefined, setWindowOpenHandler: () => undefined };
      constructor(options: { webPreferences: Record<string, unknown> }) {
        record.windows.push(options);
      }
      once() {}
      show() {}
      loadFile(file: string) {
        record.loadedFile = file;
        return Promise.resolve();
      }
      loadURL() {
        return Promise.resolve();
      }
    }
    const electron = {
      app: {
        whenReady: () => Promise.resolve(),
        on: (event: string, listener: (...args: unknown[]) => void) => record.appEvents.set(event, listener),
        getPath: () => userData,
        setPath: () => undefined,
        quit: () => undefined,
      },
      BrowserWindow,
      ipcMain: { handle: (channel: string, handler: (event: unknown, arg: unknown) => Promise<unknown>) => record.ipc.set(channel, handler) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: typeof record.permissionHandler) => (record.permissionHandler = handler),
          webRequest: { onHeadersReceived: (hook: typeof record.headersHook) => (record.headersHook = hook) },
        },
      },
      dialog: { showErrorBox: (_title: string, message: string) => (record.startupError = message) },
    };
    (Module as unknown as { _load: unknown })._load = function load(this: unknown, request: string, ...rest: unknown[]) {
      return request === 'electron' ? electron : originalLoad.call(this, request, ...rest);
    };
    process.env.SANAD_DB = join(userData, 'desktop.sqlite');
    Module.createRequire(builtMain)(builtMain);
    // app.whenReady().then(...) starts the store's worker threads, then opens the window.
    for (let waited = 0; record.windows.length === 0 && !record.startupError && waited < 10_000; waited += 20) {
      await new Promise((done) => setTimeout(done, 20));
    }
  });
  afterAll(async () => {
    // Closing the last window stops the store's worker threads.
    record.appEvents.get('window-all-closed')?.();
    await new Promise((done) => setTimeout(done, 200));
    (Module as unknown as { _load: unknown })._load = originalLoad;
    delete process.env.SANAD_DB;
  });

  it('starts without error and opens one window with the full security options', () => {
    expect(record.startupError).toBe('');
    expect(record.windows).toHaveLength(1);
    expect(record.windows[0]!.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('points the window at a preload and a renderer that exist in the build', () => {
    expect(existsSync(record.windows[0]!.webPreferences.preload as string)).toBe(true);
    expect(record.windows[0]!.webPreferences.preload).toBe(builtPreload);
    expect(record.loadedFile).toBe(builtRendererIndex);
    expect(existsSync(record.loadedFile)).toBe(true);
  });

  it('sends the strict CSP on every response, and the page carries it too', () => {
    let headers: Record<string, string[]> = {};
    record.headersHook!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Other']).toEqual(['1']);
    expect(readFileSync(builtRendererIndex, 'utf8')).toContain(`content="${CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}"`);
  });

  it('registers every API method over IPC, none missing and none extra, and the upload and download channels', () => {
    expect([...record.ipc.keys()].sort()).toEqual([...apiMethodNames.map((name) => `api:${name}`), UPLOAD_CHANNEL, DOWNLOAD_CHANNEL].sort());
  });

  it('receives a file in pieces from its own renderer, imports it by upload id, and refuses pieces from a foreign frame', async () => {
    const own = { senderFrame: { url: pathToFileURL(builtRendererIndex).href } };
    const receive = record.ipc.get(UPLOAD_CHANNEL)!;
    const bytes = Buffer.from('مذكرة مرسلة على دفعات\nوصل الوفد إلى بغداد مساءً، وغادر صباحًا.');
    const first = (await receive(own, { name: 'دفعات.txt', bytes: new Uint8Array(bytes.subarray(0, 20)), last: false })) as { ok: true; value: { uploadId: string } };
    expect(first).toMatchObject({ ok: true, value: { name: 'دفعات.txt', bytes: 20 } });
    const { uploadId } = first.value;
    expect(await receive(own, { uploadId, name: 'دفعات.txt', bytes: new Uint8Array(bytes.subarray(20)), last: true })).toEqual({
      ok: true,
      value: { uploadId, name: 'دفعات.txt', bytes: bytes.length },
    });
    const imported = await record.ipc.get('api:importFiles')!(own, { files: [{ name: 'دفعات.txt', uploadId }] });
    expect(imported).toMatchObject({ ok: true, value: { imported: [{ title: 'مذكرة مرسلة على دفعات' }] } });
    expect(await receive({ senderFrame: { url: 'https://evil.example/' } }, { name: 'x.txt', bytes: new Uint8Array(1), last: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await receive(own, { uploadId: '../x', name: 'x.txt', bytes: new Uint8Array(1), last: true })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await receive(own, { uploadId: 'E'.repeat(32), name: 'x.txt', bytes: new Uint8Array(1), last: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'uploadNotFound' },
    });
  });

  it('sends a backup to its own renderer in pieces, once, and refuses a foreign frame', async () => {
    const own = { senderFrame: { url: pathToFileURL(builtRendererIndex).href } };
    const made = (await record.ipc.get('api:backupLibrary')!(own, {})) as { ok: true; value: { downloadId: string; bytes: number } };
    expect(made).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.sanad-backup$/) } });
    const fetchPiece = record.ipc.get(DOWNLOAD_CHANNEL)!;
    const request = { downloadId: made.value.downloadId, offset: 0 };
    expect(await fetchPiece({ senderFrame: { url: 'https://evil.example/' } }, request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const piece = (await fetchPiece(own, request)) as { ok: true; value: { bytes: Uint8Array; last: boolean } };
    expect(piece.value.last).toBe(true);
    expect(piece.value.bytes.byteLength).toBe(made.value.bytes);
    // A zip: what is offered to save is the backup itself.
    expect(Buffer.from(piece.value.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    expect(await fetchPiece(own, request)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('denies navigation, new windows and permission requests', () => {
    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
    let openHandler: ((details: { url: string; disposition: string }) => { action: string }) | null = null;
    const contents = {
      on: (event: string, listener: (event: { preventDefault: () => void }) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    record.appEvents.get('web-contents-created')!({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    // A click on a target=_blank link, a middle click (auxclick), a shift click, window.open:
    // the same answer, for an outside address as for the app's own.
    for (const disposition of ['foreground-tab', 'background-tab', 'new-window', 'other']) {
      for (const url of ['https://example.com/article', pathToFileURL(builtRendererIndex).href, 'file:///etc/passwd']) {
        expect(openHandler!({ url, disposition }), `${disposition} ${url}`).toEqual({ action: 'deny' });
      }
    }
    let granted: boolean | null = null;
    record.permissionHandler!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('answers calls from its own renderer and refuses a call from a foreign frame', async () => {
    const call = record.ipc.get('api:listTags')!;
    const own = await call({ senderFrame: { url: pathToFileURL(builtRendererIndex).href } }, {});
    expect(own).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ name: 'Claim' })]) });
    const foreign = await call({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const otherFile = await call({ senderFrame: { url: pathToFileURL('/tmp/evil.html').href } }, {});
    expect(otherFile).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
