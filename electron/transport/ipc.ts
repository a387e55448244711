/** The desktop transport: every API method registered as an IPC handler, each call's sender checked. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiMethodNames, ipcChannel } from '../api/contract';
import type { Dispatch } from '../api/handlers';

/**
 * Registers `api:<method>` for every method. A call from any frame other than Sanad's own
 * renderer (a navigated-away page, an injected iframe) is refused without reaching a handler.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isTrustedFrameUrl: (url: string) => boolean): void {
  for (const name of apiMethodNames) {
    ipcMain.handle(ipcChannel(name), (event: IpcMainInvokeEvent, arg: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedFrameUrl(frameUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: `Refused an API call from an untrusted page (${frameUrl || 'unknown'}).` } };
      }
      // One window: its undo history is the desktop's, across restarts.
      return dispatch(name, arg, { client: 'desktop' });
    });
  }
}
