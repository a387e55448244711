/**
 * The contract's plain values and envelope types, without zod: the renderer may import this
 * file at run time (the contract itself it imports for types only).
 */
import { type ErrorKey, type ErrorParams, errorText } from './error-messages';

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

/** Largest upload accepted in one import request, base64 included. */
export const MAX_IMPORT_REQUEST_BYTES = 64 * 1024 * 1024;

/** Most articles one call gives source details to (it bounds the request, and the undo step it records). */
export const MAX_ARTICLES_PER_FILL = 10_000;

/** The header that names the calling window, so undo takes back that window's own steps. */
export const CLIENT_HEADER = 'x-sanad-client';

/** What a client id may look like (the renderer makes a random one per window). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The header that carries browser mode's per-launch token. */
export const TOKEN_HEADER = 'x-sanad-token';
