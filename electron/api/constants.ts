/**
 * The contract's plain values and envelope types, without zod: the renderer may import this
 * file at run time (the contract itself it imports for types only).
 */
import { type ErrorKey, type ErrorParams, errorText } from './error-messages';
import { LIMITS } from '../../db/text/fields';

/** The codes an API error can carry; the message is for a person. */
/** BUSY: another program held the library longer than Sanad waits for it. */
export type ApiErrorCode = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'CONFLICT' | 'UNKNOWN_METHOD' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'BUSY' | 'INTERNAL';

/** An error that crosses the boundary: its code, its message in English, and the key and parameters that let the renderer say it in the interface language. */
export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  key?: ErrorKey;
  params?: ErrorParams;
}

/** Builds an error body from a message key (the English message is filled in). */
export function errorBody(code: ApiErrorCode, key: ErrorKey, params: ErrorParams = {}): ApiErrorBody {
  return { code, message: errorText('en', key, params), key, params };
}

/** Every response over either transport. */
export type ApiResult<T> =
  /** `wrote`: the call was one that changes the store, so what the renderer has cached may be stale. */
  | { ok: true; value: T; wrote?: true }
  | { ok: false; error: ApiErrorBody };

/** Largest JSON body of one API call (files inline as base64 included; large files travel as uploads). */
export const MAX_IMPORT_REQUEST_BYTES = 64 * 1024 * 1024;

/** Most articles one call gives source details to (it bounds the request, and the undo step it records). */
export const MAX_ARTICLES_PER_FILL = 10_000;
/** Largest file Sanad takes in, uploaded or imported (db/text/fields.ts). */
export const MAX_FILE_BYTES = LIMITS.fileBytes;
export const MAX_FILE_MEGABYTES = MAX_FILE_BYTES / 1024 / 1024;

/**
 * Browser mode's upload: `POST` a file's raw bytes here (token and client headers as for any
 * call, the file's name percent-encoded in {@link UPLOAD_NAME_HEADER}); the answer,
 * `{ uploadId, name, bytes }`, names the file in a later call (`{ name, uploadId }`).
 */
export const UPLOAD_PATH = '/api/upload';

/** The header that names an uploaded file (percent-encoded, so any script's name travels). */
export const UPLOAD_NAME_HEADER = 'x-sanad-file-name';

/** What an upload id looks like: 32 random URL-safe characters (192 bits), nothing a path could hide in. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** A file received and kept until a call uses it. */
export interface UploadedFile {
  uploadId: string;
  name: string;
  bytes: number;
}

export { DOWNLOAD_CHANNEL, type DownloadChunk, type DownloadRequest, UPLOAD_CHANNEL, type UploadChunk } from './method-names';

/**
 * Browser mode's download of a file Sanad made for the window (a backup): `POST` here with its id
 * in {@link DOWNLOAD_ID_HEADER} (token and client headers as for any call); the answer is the
 * file's bytes, and the file is removed once sent.
 */
export const DOWNLOAD_PATH = '/api/download';

/** The header that names the file to download, by the id the call that made it answered. */
export const DOWNLOAD_ID_HEADER = 'x-sanad-download';

/** The header that names the calling window, so undo takes back that window's own steps. */
export const CLIENT_HEADER = 'x-sanad-client';

/** What a client id may look like (the renderer makes a random one per window). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The header that carries browser mode's per-launch token. */
export const TOKEN_HEADER = 'x-sanad-token';
