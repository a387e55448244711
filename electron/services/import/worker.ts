/** The import worker thread: prepares files (see prepare.ts) sent by the main thread's pool. */
import { parentPort } from 'node:worker_threads';
import { type IncomingFile, prepareFile } from './prepare';

parentPort?.on('message', (message: { id: number; file: IncomingFile }) => {
  void prepareFile(message.file).then((prepared) => parentPort?.postMessage({ id: message.id, prepared }));
});
