/** Shared set-up for unit and integration tests: temporary stores and fixture bytes. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callMethod } from '../electron/api/call';
import type { ApiInput, ApiMethod, ApiOutput } from '../electron/api/contract';
import type { CallContext, Dispatch } from '../electron/api/handlers';
import { localApi, type LocalApiOptions } from '../electron/backend/local';
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

/** A dispatcher over a fresh store, with a clock that ticks one second a call (and any other options of {@link localApi}). */
export function tempApi(options: Omit<LocalApiOptions, 'now'> = {}) {
  const { store, path } = tempStore();
  let tick = Date.UTC(2026, 0, 1);
  const now = () => new Date((tick += 1000)).toISOString();
  return { store, path, dispatch: localApi(store, { ...options, now }).dispatch };
}

/** Calls an API method, typed by its name, and returns its value, failing the test with the API's message otherwise. */
export async function callApi<M extends ApiMethod>(dispatch: Dispatch, method: M, arg: ApiInput<M>, context?: CallContext): Promise<ApiOutput<M>> {
  const result = await callMethod(dispatch, method, arg, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
