/** Where Sanad keeps its data, shared by the desktop app, the CLI and browser mode. */
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The file name of the store inside the data directory. */
export const STORE_FILE_NAME = 'sanad.sqlite';

/**
 * The per-user data directory: `$XDG_DATA_HOME/sanad` (default `~/.local/share/sanad`) on Linux,
 * `~/Library/Application Support/Sanad` on macOS, `%APPDATA%\Sanad` on Windows.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Sanad');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Sanad');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'sanad');
}

/** The store's path: `--db PATH` first, then `SANAD_DB`, then the data directory. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, dataDir = defaultDataDir(env)): string {
  return flag || env.SANAD_DB || join(dataDir, STORE_FILE_NAME);
}

/** The value of `--db PATH` or `--db=PATH` in an argument list, if given. */
export function dbFlag(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--db');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--db='))?.slice('--db='.length);
}

/** The built import worker thread, beside the entry that loads it (out/main). */
export function importWorkerScript(entryDir: string): string {
  return join(entryDir, 'import-worker.js');
}

/** The built store worker thread (see backend/store-worker.ts), beside the entry that loads it. */
export function storeWorkerScript(entryDir: string): string {
  return join(entryDir, 'store-worker.js');
}

/**
 * Where received files wait for the call that imports them: this user's own folder in the
 * temporary folder, shared by the desktop app and browser mode (each file has a random name).
 */
export function defaultUploadDir(): string {
  return join(tmpdir(), `sanad-uploads-${process.getuid?.() ?? 'user'}`);
}
