/**
 * The preload: one function per API method, exposed to the renderer as `window.sanadIpc`, and
 * `uploadChunk`, which sends one piece of a file to import. `ipcRenderer` itself never crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { UPLOAD_CHANNEL, type UploadChunk } from './api/constants';
import { apiMethodNames, ipcChannel } from './api/contract';

const bridge = Object.fromEntries(apiMethodNames.map((name) => [name, (arg: unknown) => ipcRenderer.invoke(ipcChannel(name), arg)]));

contextBridge.exposeInMainWorld('sanadIpc', { ...bridge, uploadChunk: (chunk: UploadChunk) => ipcRenderer.invoke(UPLOAD_CHANNEL, chunk) });
