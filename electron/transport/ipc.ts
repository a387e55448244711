/** The desktop transport: every API method registered as an IPC handler, each call's sender checked, and uploads in pieces. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { apiMethodNames, ipcChannel } from '../api/contract';
import { open } from 'node:fs/promises';
import { type ApiResult, DOWNLOAD_CHANNEL, type DownloadChunk, errorBody, UPLOAD_CHANNEL, UPLOAD_ID_PATTERN, type UploadedFile } from '../api/constants';
import type { Dispatch } from '../api/handlers';
import { uploadErrorBody, type Uploads } from '../services/uploads';

/** One piece of an uploaded file, as the preload sends it. */
const uploadChunk = z.object({
  uploadId: z.string().regex(UPLOAD_ID_PATTERN).optional(),
  name: z.string().trim().min(1).max(1024),
  bytes: z.instanceof(Uint8Array),
  last: z.boolean(),
});

/** A request for a piece of a file to download, as the preload sends it. */
const downloadRequest = z.object({ downloadId: z.string().regex(UPLOAD_ID_PATTERN), offset: z.number().int().min(0) });

/** Bytes of a downloaded file sent in one piece over IPC. */
const DOWNLOAD_CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Registers `api:<method>` for every method, and {@link UPLOAD_CHANNEL} for files sent in pieces
 * (received into `uploads`, the folder the store's handlers read them from), and {@link DOWNLOAD_CHANNEL}
 * for files Sanad made for the window (a backup), sent in pieces from the same folder. A call from any
 * frame other than Sanad's own renderer (a navigated-away page, an injected iframe) is refused
 * without reaching a handler.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isTrustedFrameUrl: (url: string) => boolean, uploads?: Uploads): void {
  const refusal = (event: IpcMainInvokeEvent) => {
    const frameUrl = event.senderFrame?.url ?? '';
    return isTrustedFrameUrl(frameUrl) ? null : { ok: false as const, error: { code: 'FORBIDDEN' as const, message: `Refused an API call from an untrusted page (${frameUrl || 'unknown'}).` } };
  };
  for (const name of apiMethodNames) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, arg: unknown) => {
      // One window: its undo history is the desktop's, across restarts.
      return refusal(event) ?? dispatch(name, arg, { client: 'desktop' });
    });
  }
  if (!uploads) return;
  // Files an earlier run received and never used.
  void uploads.sweep();
  ipcMain.handle(UPLOAD_CHANNEL, async (event: IpcMainInvokeEvent, arg: unknown): Promise<ApiResult<UploadedFile>> => {
    const refused = refusal(event);
    if (refused) return refused;
    const chunk = uploadChunk.safeParse(arg);
    if (!chunk.success) return { ok: false, error: errorBody('INVALID_ARGUMENT', 'invalidRequest', { details: chunk.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }) };
    try {
      return { ok: true, value: await uploads.receiveChunk(chunk.data) };
    } catch (error) {
      return { ok: false, error: uploadErrorBody(error, chunk.data.name) };
    }
  });
  ipcMain.handle(DOWNLOAD_CHANNEL, async (event: IpcMainInvokeEvent, arg: unknown): Promise<ApiResult<DownloadChunk>> => {
    const refused = refusal(event);
    if (refused) return refused;
    const request = downloadRequest.safeParse(arg);
    const path = request.success ? await uploads.find(request.data.downloadId) : null;
    if (!request.success || !path) return { ok: false, error: errorBody('NOT_FOUND', 'downloadNotFound') };
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const buffer = Buffer.alloc(Math.max(0, Math.min(DOWNLOAD_CHUNK_BYTES, size - request.data.offset)));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, request.data.offset);
      const last = request.data.offset + bytesRead >= size;
      // Fetched once: the last piece removes the file.
      if (last) await uploads.remove(request.data.downloadId);
      return { ok: true, value: { bytes: buffer.subarray(0, bytesRead), last } };
    } finally {
      await file.close();
    }
  });
}
