/**
 * Browser mode's transport: the built renderer and `POST /api/<method>` served on 127.0.0.1 only.
 * Every API call must carry the per-launch token in a header (never a cookie, so another site
 * cannot ride on it), and a request whose Host is not this server's is refused (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import {
  type ApiErrorBody,
  type ApiErrorCode,
  CLIENT_HEADER,
  errorBody,
  CLIENT_ID_PATTERN,
  DOWNLOAD_ID_HEADER,
  DOWNLOAD_PATH,
  MAX_FILE_BYTES,
  MAX_IMPORT_REQUEST_BYTES,
  TOKEN_HEADER,
  UPLOAD_NAME_HEADER,
  UPLOAD_PATH,
} from '../api/constants';
import type { Dispatch } from '../api/handlers';
import { defaultUploadDir } from '../paths';
import { uploadErrorBody, type Uploads, uploadsIn, UploadTooLargeError } from '../services/uploads';
import { CONTENT_SECURITY_POLICY } from '../security';

/** Where to listen and what to serve. */
export interface HttpServerOptions {
  dispatch: Dispatch;
  /** The built renderer folder (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one is made otherwise. */
  token?: string;
  /** Where `POST /api/upload` puts files (the store's handlers must look in the same folder); this user's temporary one by default. */
  uploads?: Uploads;
}

/** A running browser-mode server. */
export interface RunningHttpServer {
  /** The URL to open, token included in the fragment (which browsers never send to a server). */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** The HTTP status of each API error: 4xx for the caller's mistakes, 500 for Sanad's own. */
const STATUS_OF: Record<ApiErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  BUSY: 503,
  INTERNAL: 500,
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const uploads = options.uploads ?? uploadsIn(defaultUploadDir());
  // Files an earlier run received and never used.
  await uploads.sweep();
  let port = 0;
  const server = createServer((request, response) => {
    handleRequest(request, response, { ...options, token, port, uploads }).catch((error: unknown) => {
      sendJson(response, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: HttpServerOptions & { token: string; port: number; uploads: Uploads },
): Promise<void> {
  const allowedHosts = [`127.0.0.1:${context.port}`, `localhost:${context.port}`];
  if (!allowedHosts.includes(request.headers.host ?? '')) {
    return sendError(response, 403, errorBody('FORBIDDEN', 'wrongHost', { host: request.headers.host ?? '' }));
  }
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  if (url.pathname.startsWith('/api/')) {
    if (request.method !== 'POST') return sendError(response, 405, errorBody('INVALID_ARGUMENT', 'postOnly'));
    if (!tokenMatches(request.headers[TOKEN_HEADER], context.token)) {
      return sendError(response, 401, errorBody('UNAUTHORIZED', 'wrongToken'));
    }
    if (url.pathname === UPLOAD_PATH) return receiveUpload(request, response, context.uploads);
    if (url.pathname === DOWNLOAD_PATH) return sendDownload(request, response, context.uploads);
    const body = await readBody(request, MAX_IMPORT_REQUEST_BYTES);
    if (body === null) {
      return sendError(response, 413, errorBody('INVALID_ARGUMENT', 'tooLarge', { megabytes: MAX_IMPORT_REQUEST_BYTES / 1024 / 1024 }));
    }
    let method: string;
    try {
      method = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return sendError(response, 400, errorBody('INVALID_ARGUMENT', 'badPath'));
    }
    let arg: unknown;
    try {
      arg = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendError(response, 400, errorBody('INVALID_ARGUMENT', 'notJson'));
    }
    if (nestingDepth(arg) > MAX_JSON_DEPTH) return sendError(response, 400, errorBody('INVALID_ARGUMENT', 'tooDeep', { depth: MAX_JSON_DEPTH }));
    const client = request.headers[CLIENT_HEADER];
    const result = await context.dispatch(method, arg, {
      client: typeof client === 'string' && CLIENT_ID_PATTERN.test(client) ? client : undefined,
    });
    return sendJson(response, result.ok ? 200 : STATUS_OF[result.error.code], result);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, { code: 'INVALID_ARGUMENT', message: 'Only GET here.' });
  serveStatic(context.rendererDir, url.pathname, response);
}

function serveStatic(rendererDir: string, pathname: string, response: ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return sendError(response, 400, errorBody('INVALID_ARGUMENT', 'badPath'));
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep)) return sendError(response, 404, { code: 'NOT_FOUND', message: 'Not found.' });
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    return sendError(response, 404, { code: 'NOT_FOUND', message: `Not found: ${pathname}` });
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(response);
}

/** How deep the JSON of a request may nest: far more than any method's argument needs. */
const MAX_JSON_DEPTH = 64;

/** How deep a parsed JSON value nests (walked without recursion, so any depth is measured safely). */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    if (item && typeof item === 'object') for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function tokenMatches(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The body of a request, or null once it passes `limit`. The rest is still read (and dropped), so
 * that the sender hears the 413 and its reason, not a connection cut off in mid-send.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Reads a request's body to its end, keeping none of it. */
async function drain(request: IncomingMessage): Promise<void> {
  if (request.readableEnded) return;
  request.resume();
  await once(request, 'end');
}

/**
 * `POST /api/upload`: the body is a file's raw bytes, written to disk as they arrive (never held
 * whole in memory), its name percent-encoded in a header. Answers `{ uploadId, name, bytes }`; a
 * file over the limit gets a 413 naming it and the limit, and nothing of it is kept.
 */
async function receiveUpload(request: IncomingMessage, response: ServerResponse, uploads: Uploads): Promise<void> {
  const header = request.headers[UPLOAD_NAME_HEADER];
  let name = '';
  try {
    name = typeof header === 'string' ? decodeURIComponent(header).trim() : '';
  } catch {
    // A broken encoding is refused below, as a missing name.
  }
  if (!name || name.length > 1024) {
    await drain(request);
    return sendError(response, 400, errorBody('INVALID_ARGUMENT', 'uploadNameMissing', { header: UPLOAD_NAME_HEADER }));
  }
  // A file that says it is too large is refused before a byte of it is written.
  if (Number(request.headers['content-length']) > MAX_FILE_BYTES) {
    await drain(request);
    return sendError(response, 413, uploadErrorBody(new UploadTooLargeError(name), name));
  }
  try {
    const uploaded = await uploads.receive(name, request);
    return sendJson(response, 200, { ok: true, value: uploaded });
  } catch (error) {
    // The sender went away: there is no one to answer (and nothing of the file was kept).
    if (!response.socket || response.socket.destroyed) return;
    await drain(request).catch(() => undefined);
    return sendError(response, error instanceof UploadTooLargeError ? 413 : 500, uploadErrorBody(error, name));
  }
}

/**
 * `POST /api/download`: the bytes of a file Sanad made for the window (a backup), named by its
 * id in a header, streamed from disk; the file is removed once sent, as it is fetched once.
 */
async function sendDownload(request: IncomingMessage, response: ServerResponse, uploads: Uploads): Promise<void> {
  await drain(request);
  const id = request.headers[DOWNLOAD_ID_HEADER];
  const path = typeof id === 'string' ? await uploads.find(id) : null;
  if (!path || typeof id !== 'string') return sendError(response, 404, errorBody('NOT_FOUND', 'downloadNotFound'));
  // Opened, then removed at once where the system allows it (the open file is still read), so a
  // second request finds nothing even while the first is being sent.
  const file = await open(path, 'r');
  const removed = await uploads.remove(id).then(
    () => true,
    () => false,
  );
  response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': (await file.stat()).size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  await pipeline(file.createReadStream(), response).catch(() => undefined);
  if (!removed) await uploads.remove(id);
}

function sendError(response: ServerResponse, status: number, error: ApiErrorBody): void {
  sendJson(response, status, { ok: false, error });
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  if (response.headersSent) return;
  const body = JSON.stringify(payload);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}
