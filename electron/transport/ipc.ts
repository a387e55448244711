/** The desktop transport: every API method registered as an IPC handler, each call's sender checked, and uploads in pieces. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { apiMethodNames, ipcChannel } from '../api/contract';
import { type ApiResult, errorBody, UPLOAD_CHANNEL, UPLOAD_ID_PATTERN, type UploadedFile } from '../api/constants';
import type { Dispatch } from '../api/handlers';
import { uploadErrorBody, type Uploads } from '../services/uploads';

/** One piece of an uploaded file, as the preload sends it. */
const uploadChunk = z.object({
  uploadId: z.string().regex(UPLOAD_ID_PATTERN).optional(),
  name: z.string().trim().min(1).max(1024),
  bytes: z.instanceof(Uint8Array),
  last: z.boolean(),
});

/**
 * Registers `api:<method>` for every method, and {@link UPLOAD_CHANNEL} for files sent in pieces
 * (received into `uploads`, the folder the store's handlers read them from). A call from any
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
}
