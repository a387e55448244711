/** Shared set-up for unit and integration tests: temporary stores and fixture bytes. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, createHandlers } from '../electron/api/handlers';
import { openStore, type Store } from '../db/sqlite/store';

/** A new temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sanad-test-'));
}

/** A fresh store in a temporary file, fully migrated. */
export function tempStore(): { store: Store; path: string } {
  const path = join(tempDir(), 'sanad.sqlite');
  return { store: openStore(path), path };
}

/** The bytes of one of the project's fixtures. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(__dirname, 'fixtures', name));
}

/** A fixture as the renderer sends it to `importFiles`. */
export function fixtureUpload(name: string): { name: string; dataBase64: string } {
  return { name, dataBase64: fixtureBytes(name).toString('base64') };
}

/** A dispatcher over a fresh store, with a clock that ticks one second a call. */
export function tempApi() {
  const { store, path } = tempStore();
  let tick = Date.UTC(2026, 0, 1);
  const now = () => new Date((tick += 1000)).toISOString();
  return { store, path, dispatch: createDispatcher(createHandlers(store, { now })) };
}

/** Calls an API method and returns its value, failing the test with the API's message otherwise. */
export async function callApi<T>(dispatch: ReturnType<typeof tempApi>['dispatch'], method: string, arg: unknown): Promise<T> {
  const result = await dispatch(method, arg);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
