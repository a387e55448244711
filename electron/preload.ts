/**
 * The preload: one function per API method, exposed to the renderer as `window.sanadIpc`, each
 * sending its one argument on its own channel and resolving to the main process's envelope, and
 * `uploadChunk`, which sends one piece of a file to import, and `downloadChunk`, which fetches one piece of a file Sanad made (a backup). Nothing else crosses the bridge: not
 * `ipcRenderer`, not an event, not a way to name another channel. It imports only the list of
 * names (no zod, no schema): validation is the main process's, which trusts nothing from the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHOD_NAMES, DOWNLOAD_CHANNEL, type DownloadRequest, ipcChannel, UPLOAD_CHANNEL, type UploadChunk } from './api/method-names';

const bridge = Object.fromEntries(API_METHOD_NAMES.map((name) => [name, (arg: unknown) => ipcRenderer.invoke(ipcChannel(name), arg)]));

contextBridge.exposeInMainWorld(
  'sanadIpc',
  Object.freeze({
    ...bridge,
    uploadChunk: (chunk: UploadChunk) => ipcRenderer.invoke(UPLOAD_CHANNEL, chunk),
    downloadChunk: (request: DownloadRequest) => ipcRenderer.invoke(DOWNLOAD_CHANNEL, request),
  }),
);
