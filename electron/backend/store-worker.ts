/**
 * A worker thread that owns one connection to the store and runs the API's handlers on it, so
 * that no SQL runs on the thread serving the window and HTTP. The writer opens (and migrates)
 * the store read-write; readers open it read-only and serve the methods marked `read`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyStore, openStore, type Store } from '../../db/sqlite/store';
import { importWorkerScript } from '../paths';
import { createPreparer } from '../services/import/pool';
import { localApi } from './local';
import type { StoreWorkerData, ToWorker } from './messages';

const port = parentPort!;
const { dbPath, role, uploadDir } = workerData as StoreWorkerData;

let store: Store;
try {
  store = role === 'writer' ? openStore(dbPath) : openReadOnlyStore(dbPath);
} catch (error) {
  port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
// Only the writer imports; its pool prepares files in further threads while it writes.
const preparer = role === 'writer' ? createPreparer(importWorkerScript(__dirname)) : undefined;
// Only the writer restores: its owner (worker-backend.ts) moves the verified library into place.
const { dispatch, jobs } = localApi(store, { preparer, uploadDir, ...(role === 'writer' && { libraryPath: dbPath }) });
// Only the writer takes up jobs a previous run left unfinished (they show in listJobs as resumed).
if (role === 'writer') {
  jobs.resumeUnfinished();
  jobs.ensureIndexCurrent();
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'close') {
    void Promise.resolve(preparer?.close()).then(() => {
      store.close();
      port.close();
    });
    return;
  }
  void dispatch(message.method, message.arg, message.context).then((result) => port.postMessage({ type: 'result', id: message.id, result }));
});
port.postMessage({ type: 'ready' });
