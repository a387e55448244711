/**
 * The preload: one function per API method, exposed to the renderer as `window.sanadIpc`.
 * `ipcRenderer` itself never crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiMethodNames, ipcChannel } from './api/contract';

const bridge = Object.fromEntries(apiMethodNames.map((name) => [name, (arg: unknown) => ipcRenderer.invoke(ipcChannel(name), arg)]));

contextBridge.exposeInMainWorld('sanadIpc', bridge);
