/**
 * The renderer's one door to the store. Screens call `api.someMethod({...})`; this module picks
 * the transport: the preload's IPC bridge in the desktop app, `POST /api/<method>` with the
 * per-launch token in browser mode. No method name is written here: a Proxy forwards them all.
 */
import type { ApiBridge, ApiClient } from '../../electron/api/contract';
import { type ApiErrorBody, type ApiResult, CLIENT_HEADER, errorBody, TOKEN_HEADER } from '../../electron/api/constants';
import { errorMessages, errorText } from '../../electron/api/error-messages';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in browser mode. */
    sanadIpc?: ApiBridge;
  }
}

let errorLanguage: keyof typeof errorMessages = 'en';

/** The language API errors are told in; the interface keeps it in step with its own. */
export function setErrorLanguage(lang: keyof typeof errorMessages): void {
  errorLanguage = lang;
}

/** An API call that came back with `{ok:false}`; `message` is meant for the analyst, in the interface language. */
export class ApiCallError extends Error {
  override name = 'ApiCallError';
  readonly code: ApiErrorBody['code'];
  constructor(error: ApiErrorBody) {
    super(error.key ? errorText(errorLanguage, error.key, error.params, true) : error.message);
    this.code = error.code;
  }
}

const TOKEN_KEY = 'sanad.token';

/**
 * Browser mode's token: taken from the address fragment whenever one comes (at load, or when the
 * address of a restarted server is opened in this tab), then kept for this tab only and taken
 * out of the address bar. Returns whether a new token arrived.
 */
function takeTokenFromAddress(): boolean {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (!fromHash) return false;
  sessionStorage.setItem(TOKEN_KEY, fromHash);
  history.replaceState(null, '', window.location.pathname + window.location.search);
  return true;
}

function browserToken(): string {
  takeTokenFromAddress();
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const CLIENT_KEY = 'sanad.client';

/** This window's id, so that undo takes back its own steps and not another tab's. Kept for the tab's life. */
function clientId(): string {
  let id = sessionStorage.getItem(CLIENT_KEY);
  if (!id) sessionStorage.setItem(CLIENT_KEY, (id = crypto.randomUUID()));
  return id;
}

async function overHttp(method: string, arg: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: browserToken(), [CLIENT_HEADER]: clientId() },
      body: JSON.stringify(arg ?? {}),
    });
  } catch {
    return { ok: false, error: errorBody('INTERNAL', 'unreachable') };
  }
  return (await response.json()) as ApiResult<unknown>;
}

function transport(method: string, arg: unknown): Promise<ApiResult<unknown>> {
  const bridge = window.sanadIpc as Record<string, (arg: unknown) => Promise<ApiResult<unknown>>> | undefined;
  return bridge ? bridge[method]!(arg) : overHttp(method, arg);
}


const writeListeners = new Set<() => void>();

/** Calls `listener` after every call that changed the store; returns the unsubscribe function. */
export function onStoreWrite(listener: () => void): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

/** The typed API client. */
export const api = new Proxy({} as ApiClient, {
  get: (_target, method: string) => async (arg: unknown) => {
    const result = await transport(method, arg);
    if (!result.ok) throw new ApiCallError(result.error);
    if (result.wrote) writeListeners.forEach((listener) => listener());
    return result.value;
  },
});

// Read the token as soon as the app loads, so it leaves the address bar at once; a new one
// (a restarted server's address opened in this tab) replaces it, and everything shown is fetched again.
if (!window.sanadIpc) {
  browserToken();
  window.addEventListener('hashchange', () => {
    if (takeTokenFromAddress()) writeListeners.forEach((listener) => listener());
  });
}
