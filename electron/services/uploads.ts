/**
 * Files received for a later call: browser mode's `POST /api/upload` and the desktop app's
 * pieces over IPC write them here, and the call that names one (`{ name, uploadId }`) reads it,
 * in the import's worker thread, and removes it. Bytes go to disk as they arrive, never whole into
 * memory; a file that passes the limit is stopped there and what was written is removed at once.
 * The folder is Sanad's own (this user's, mode 0700, each file 0600); files a crash or a closed
 * tab left behind are removed once they are an hour old.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { appendFile, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ApiErrorBody, errorBody, MAX_FILE_BYTES, MAX_FILE_MEGABYTES, UPLOAD_ID_PATTERN, type UploadChunk, type UploadedFile } from '../api/constants';

/** How long a received file waits for the call that uses it; older ones are abandoned and removed. */
export const UPLOAD_LIFETIME_MS = 60 * 60 * 1000;

/** Bytes gathered before each write of a received file. */
const WRITE_BYTES = 1024 * 1024;

/** How often, at most, receiving a file also sweeps out abandoned ones. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** A received file passed {@link MAX_FILE_BYTES}; nothing of it is kept. */
export class UploadTooLargeError extends Error {
  override name = 'UploadTooLargeError';
  constructor(readonly file: string) {
    super(`${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
}

/** An upload id that names no file waiting here (unknown, already used, or abandoned). */
export class UploadNotFoundError extends Error {
  override name = 'UploadNotFoundError';
  constructor(readonly uploadId: string) {
    super(`no uploaded file ${uploadId}`);
  }
}

/** What an upload's failure tells the sender, naming the file. */
export function uploadErrorBody(error: unknown, file: string): ApiErrorBody {
  if (error instanceof UploadTooLargeError) return errorBody('INVALID_ARGUMENT', 'fileTooLarge', { file, megabytes: MAX_FILE_MEGABYTES });
  if (error instanceof UploadNotFoundError) return errorBody('NOT_FOUND', 'uploadNotFound', { file });
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'Sanad may not write in its temporary folder' : String((error as Error).message ?? error);
  return errorBody('INTERNAL', 'uploadNotSaved', { file, reason });
}

/** The folder of received files and what can be done with it. */
export interface Uploads {
  readonly dir: string;
  /** Writes a file's bytes as they come; past the limit, the rest is read and dropped (so an HTTP sender hears the answer) and it throws {@link UploadTooLargeError}. */
  receive(name: string, source: AsyncIterable<Uint8Array>): Promise<UploadedFile>;
  /** One piece of a file sent in pieces (the desktop app): the first without an id starts it, the one marked `last` completes it. */
  receiveChunk(chunk: UploadChunk): Promise<UploadedFile>;
  /** The path of a complete received file, or null. */
  find(uploadId: string): Promise<string | null>;
  /** Removes a received file (once used). */
  remove(uploadId: string): Promise<void>;
  /** A new id, and the path where Sanad writes a file for the window to fetch once by that id (a backup); it is swept as received files are. */
  reserve(): Promise<{ id: string; path: string }>;
  /** Removes received files (and pieces) older than {@link UPLOAD_LIFETIME_MS}; returns how many. */
  sweep(now?: number): Promise<number>;
}

const STAGED_NAME = /^[A-Za-z0-9_-]{32}(\.part)?$/;

/** The received files in `dir` (created, if need be, when the first file arrives). */
export function uploadsIn(dir: string): Uploads {
  let lastSweep = 0;
  const complete = (id: string) => join(dir, id);
  const partial = (id: string) => join(dir, `${id}.part`);
  const ready = async () => {
    ensurePrivateDir(dir);
    if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
      lastSweep = Date.now();
      await uploads.sweep().catch(() => 0);
    }
  };
  const uploads: Uploads = {
    dir,
    async receive(name, source) {
      await ready();
      const uploadId = newUploadId();
      const part = partial(uploadId);
      const handle = await open(part, 'wx', 0o600);
      let isOpen = true;
      let bytes = 0;
      let failure: unknown = null;
      const stop = async () => {
        if (isOpen) await handle.close().catch(() => undefined);
        isOpen = false;
        await rm(part, { force: true });
      };
      // Pieces are written a megabyte at a time: fewer, larger writes.
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        const pieces = pending;
        pending = [];
        pendingBytes = 0;
        try {
          await handle.writev(pieces);
        } catch (error) {
          failure = error;
          await stop();
        }
      };
      try {
        for await (const chunk of source) {
          bytes += chunk.byteLength;
          if (failure) continue;
          if (bytes > MAX_FILE_BYTES) {
            failure = new UploadTooLargeError(name);
            pending = [];
            await stop();
            continue;
          }
          pending.push(chunk);
          pendingBytes += chunk.byteLength;
          if (pendingBytes >= WRITE_BYTES) await flush();
        }
        if (!failure && pending.length > 0) await flush();
      } catch (error) {
        // The sender went away (or the source broke): keep nothing.
        await stop();
        throw error;
      }
      if (failure) throw failure;
      await handle.close();
      isOpen = false;
      await rename(part, complete(uploadId));
      return { uploadId, name, bytes };
    },
    async receiveChunk({ uploadId, name, bytes, last }) {
      await ready();
      let id = uploadId;
      let size: number;
      if (id === undefined) {
        if (bytes.byteLength > MAX_FILE_BYTES) throw new UploadTooLargeError(name);
        id = newUploadId();
        await writeFile(partial(id), bytes, { flag: 'wx', mode: 0o600 });
        size = bytes.byteLength;
      } else {
        if (!UPLOAD_ID_PATTERN.test(id)) throw new UploadNotFoundError(id);
        const before = await stat(partial(id)).catch(() => null);
        if (!before) throw new UploadNotFoundError(id);
        size = before.size + bytes.byteLength;
        if (size > MAX_FILE_BYTES) {
          await rm(partial(id), { force: true });
          throw new UploadTooLargeError(name);
        }
        await appendFile(partial(id), bytes);
      }
      if (last) await rename(partial(id), complete(id));
      return { uploadId: id, name, bytes: size };
    },
    async find(uploadId) {
      if (!UPLOAD_ID_PATTERN.test(uploadId)) return null;
      const info = await stat(complete(uploadId)).catch(() => null);
      return info?.isFile() ? complete(uploadId) : null;
    },
    async remove(uploadId) {
      if (UPLOAD_ID_PATTERN.test(uploadId)) await rm(complete(uploadId), { force: true });
    },
    async reserve() {
      await ready();
      const id = newUploadId();
      return { id, path: complete(id) };
    },
    async sweep(now = Date.now()) {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return 0;
      }
      let removed = 0;
      for (const name of names.filter((n) => STAGED_NAME.test(n))) {
        const info = await stat(join(dir, name)).catch(() => null);
        if (info && now - info.mtimeMs > UPLOAD_LIFETIME_MS) {
          await rm(join(dir, name), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
  return uploads;
}

/** A new upload id: 24 random bytes, URL-safe base64 (32 characters). */
function newUploadId(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Creates `dir` for this user only, or checks that the one there is: a real folder (not a link
 * someone else planted in a shared temporary folder), owned by this user, and closed to others.
 */
function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const info = lstatSync(dir);
  if (!info.isDirectory()) throw new Error(`${dir} is not a folder`);
  if (process.platform === 'win32') return;
  if (process.getuid && info.uid !== process.getuid()) throw new Error(`${dir} belongs to another user`);
  if ((info.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}
