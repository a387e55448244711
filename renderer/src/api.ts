/**
 * The renderer's one door to the store. Screens call `api.someMethod({...})`; this module picks
 * the transport: the preload's IPC bridge in the desktop app, `POST /api/<method>` with the
 * per-launch token in browser mode. No method name is written here: a Proxy forwards them all.
 */
import type { ApiBridge, ApiClient } from '../../electron/api/contract';
import {
  type ApiErrorBody,
  type ApiResult,
  CLIENT_HEADER,
  DOWNLOAD_ID_HEADER,
  DOWNLOAD_PATH,
  type DownloadChunk,
  type DownloadRequest,
  errorBody,
  MAX_FILE_BYTES,
  MAX_FILE_MEGABYTES,
  TOKEN_HEADER,
  type UploadChunk,
  type UploadedFile,
  UPLOAD_NAME_HEADER,
  UPLOAD_PATH,
} from '../../electron/api/constants';
import { errorMessages, errorText } from '../../electron/api/error-messages';

declare global {
  interface Window {
    /** Set by the desktop app's preload (one function per API method, and `uploadChunk`); absent in browser mode. */
    sanadIpc?: ApiBridge & {
      uploadChunk(chunk: UploadChunk): Promise<ApiResult<UploadedFile>>;
      downloadChunk(request: DownloadRequest): Promise<ApiResult<DownloadChunk>>;
    };
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

/** Bytes of a file sent in one piece over IPC (the desktop app). */
const IPC_CHUNK_BYTES = 8 * 1024 * 1024;

/** Hears how many bytes of a file have been sent so far. */
export type UploadProgress = (sent: number, total: number) => void;

/**
 * Sends a file's bytes to Sanad ahead of the call that uses it (which names it by the upload id
 * this resolves to). In browser mode one streamed `POST /api/upload` (the browser reads the file
 * from disk as it sends it); in the desktop app pieces over IPC. A file over the limit is refused
 * here, before a byte of it is read.
 */
export async function uploadFile(file: Blob, name: string, onProgress?: UploadProgress): Promise<UploadedFile> {
  if (file.size > MAX_FILE_BYTES) throw new ApiCallError(errorBody('INVALID_ARGUMENT', 'fileTooLarge', { file: name, megabytes: MAX_FILE_MEGABYTES }));
  const bridge = window.sanadIpc;
  const result = bridge ? await uploadOverIpc(bridge.uploadChunk, file, name, onProgress) : await uploadOverHttp(file, name, onProgress);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

function uploadOverHttp(file: Blob, name: string, onProgress?: UploadProgress): Promise<ApiResult<UploadedFile>> {
  return new Promise((resolve) => {
    // XMLHttpRequest rather than fetch: it reports how much of the body has been sent.
    const request = new XMLHttpRequest();
    request.open('POST', UPLOAD_PATH);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader(TOKEN_HEADER, browserToken());
    request.setRequestHeader(CLIENT_HEADER, clientId());
    request.setRequestHeader(UPLOAD_NAME_HEADER, encodeURIComponent(name));
    request.upload.onprogress = (event) => onProgress?.(event.loaded, event.total || file.size);
    request.onload = () => {
      try {
        resolve(JSON.parse(request.responseText) as ApiResult<UploadedFile>);
      } catch {
        resolve({ ok: false, error: errorBody('INTERNAL', 'internal', { reason: `HTTP ${request.status}` }) });
      }
    };
    request.onerror = () => resolve({ ok: false, error: errorBody('INTERNAL', 'unreachable') });
    request.send(file);
  });
}

async function uploadOverIpc(send: (chunk: UploadChunk) => Promise<ApiResult<UploadedFile>>, file: Blob, name: string, onProgress?: UploadProgress): Promise<ApiResult<UploadedFile>> {
  let uploadId: string | undefined;
  for (let sent = 0; ; ) {
    const end = Math.min(sent + IPC_CHUNK_BYTES, file.size);
    const bytes = new Uint8Array(await file.slice(sent, end).arrayBuffer());
    const result = await send({ ...(uploadId && { uploadId }), name, bytes, last: end === file.size });
    if (!result.ok || end === file.size) return result;
    uploadId = result.value.uploadId;
    sent = end;
    onProgress?.(sent, file.size);
  }
}

/**
 * Fetches a file Sanad made for this window (a backup), named by the id the call that made it
 * answered; it can be fetched once. In browser mode one `POST /api/download`; in the desktop app
 * pieces over IPC. The browser keeps a large answer on disk, not in the page's memory.
 */
export async function downloadFile(downloadId: string): Promise<Blob> {
  const bridge = window.sanadIpc;
  if (bridge) {
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    for (let offset = 0; ; ) {
      const result = await bridge.downloadChunk({ downloadId, offset });
      if (!result.ok) throw new ApiCallError(result.error);
      pieces.push(new Uint8Array(result.value.bytes));
      offset += result.value.bytes.byteLength;
      if (result.value.last) return new Blob(pieces);
    }
  }
  let response: Response;
  try {
    response = await fetch(DOWNLOAD_PATH, { method: 'POST', headers: { [TOKEN_HEADER]: browserToken(), [CLIENT_HEADER]: clientId(), [DOWNLOAD_ID_HEADER]: downloadId } });
  } catch {
    throw new ApiCallError(errorBody('INTERNAL', 'unreachable'));
  }
  if (!response.ok) throw new ApiCallError(((await response.json()) as { error: ApiErrorBody }).error);
  return response.blob();
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
