/**
 * Starts Sanad's browser mode on a fresh data directory and drives Debian's Chromium at it.
 * Each test gets its own data directory and server, so no test sees another's articles.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { SanadApp } from './pages';

/** The repository root. */
export const repoRoot = resolve(__dirname, '../..');
/** Where screenshots of every visited screen go (git-ignored). */
export const screenshotDir = join(repoRoot, 'tests/e2e/screenshots');
/** The project's own sample files. */
export const fixture = (name: string) => join(repoRoot, 'tests/fixtures', name);

/** A running `sanad serve`. */
export interface SanadServer {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** A new, empty data directory. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sanad-e2e-'));
}

/** Starts browser mode on `dataDir` (on `port`, as `--port` does, else any free one) and resolves once it prints its address. */
export function startServer(dataDir: string, port?: number): Promise<SanadServer> {
  const portArgs = port === undefined ? [] : ['--port', String(port)];
  const child: ChildProcess = spawn(process.execPath, ['electron/bin/sanad.cjs', 'serve', '--db', join(dataDir, 'sanad.sqlite'), ...portArgs], {
    cwd: repoRoot,
    // Received uploads wait in the temporary folder: this test's own, so it can see what is left there.
    env: { ...process.env, XDG_DATA_HOME: dataDir, TMPDIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=\S+/.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        resolvePromise({
          url: match[0],
          origin: match[1]!,
          dataDir,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`sanad serve exited with ${code}: ${output}`)));
  });
}

/** Launches headless Chromium with the flags that work on these machines. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Saves a PNG of what the page shows now. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

/** What each test of an end-to-end file works with. */
export interface Session {
  server: SanadServer;
  context: BrowserContext;
  page: Page;
  app: SanadApp;
  /** Stops the server and starts Sanad again on the same library (on the same port when asked), as a user restarting it does. */
  restart(options?: { samePort?: boolean }): Promise<SanadServer>;
}

/**
 * The set-up every end-to-end file shares: one Chromium for the file, and for each test a fresh
 * library served in browser mode and a page open on it, closed after. `onStart` receives each
 * test's session (to keep in the file's own variables, or to watch the page's requests).
 */
export function eachTestInAFreshLibrary(onStart: (session: Session) => void, contextOptions: BrowserContextOptions = {}): void {
  let browser: Browser;
  let session: Session;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async () => {
    const server = await startServer(freshDataDir());
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, ...contextOptions });
    const page = await context.newPage();
    const restart = async ({ samePort = false } = {}) => {
      const { dataDir, origin } = session.server;
      await session.server.stop();
      session.server = await startServer(dataDir, samePort ? Number(new URL(origin).port) : undefined);
      return session.server;
    };
    session = { server, context, page, app: new SanadApp(page), restart };
    onStart(session);
    await session.app.open(server.url);
  });
  afterEach(async () => {
    await session.context.close();
    await session.server.stop();
  });
}
