/**
 * Runs the API off the thread that serves the window and HTTP: one writer worker (the only
 * read-write connection, so writes keep their order) and a few reader workers with read-only
 * connections. Under WAL a reader sees a consistent snapshot while the writer goes on, so a
 * small read (one article) answers at once even while an import or an alias scan is writing
 * and an export is reading. This is the pattern Signal-Desktop uses for its SQL worker.
 */
import { Worker } from 'node:worker_threads';
import { type ApiMethod, contract, type RestoreReport } from '../api/contract';
import { type ApiResult, errorBody } from '../api/constants';
import type { CallContext, Dispatch } from '../api/handlers';
import { placeRestored, takeBackRestored, verifiedRestorePath } from '../services/backup';
import type { FromWorker, StoreWorkerData, ToWorker } from './messages';

/** A running set of store workers. */
export interface WorkerBackend {
  dispatch: Dispatch;
  close(): Promise<void>;
}

/** Options: the store's file and the built worker script (out/main/store-worker.js). */
export interface WorkerBackendOptions {
  dbPath: string;
  workerScript: string;
  /** Read-only workers; two let a long export run while small reads still answer. */
  readers?: number;
  /** Where received files wait (see services/uploads.ts); this user's temporary one by default. */
  uploadDir?: string;
}

interface StoreWorker {
  call(method: string, arg: unknown, context: CallContext): Promise<ApiResult<unknown>>;
  /** Calls sent and not yet answered: new reads go to the least busy reader. */
  inFlight(): number;
  close(): Promise<void>;
}

/** Starts the writer (which migrates the store), then the readers; rejects if the store cannot be opened. */
export async function startWorkerBackend({ dbPath, workerScript, readers = 2, uploadDir }: WorkerBackendOptions): Promise<WorkerBackend> {
  const start = async () => {
    // Only the writer imports (so only it reads received files), and only it restores.
    const writer = await startStoreWorker(workerScript, { dbPath, role: 'writer', uploadDir });
    const readerPool = await Promise.all(Array.from({ length: readers }, () => startStoreWorker(workerScript, { dbPath, role: 'reader' })));
    return { writer, readerPool };
  };
  const stop = async ({ writer, readerPool }: typeof workers) => {
    await Promise.all(readerPool.map((r) => r.close()));
    // The writer closes last: as the last connection it folds the write-ahead log into the file.
    await writer.close();
  };
  let workers = await start();
  const isRead = (method: string) => Object.hasOwn(contract, method) && contract[method as ApiMethod].access === 'read';
  const route: Dispatch = (method, arg, context = {}) => {
    const { writer, readerPool } = workers;
    if (!isRead(method) || readerPool.length === 0) return writer.call(method, arg, context);
    const idlest = readerPool.reduce((best, next) => (next.inFlight() < best.inFlight() ? next : best));
    return idlest.call(method, arg, context);
  };
  /**
   * A restore's last step, which no worker can take for itself: with every connection closed, the
   * library the writer verified takes the store's place (the old one kept as `keptAs`), and the
   * workers start again on it. If it cannot be opened after all, the old library goes back.
   */
  const replaceLibrary = async (keptAs: string) => {
    await stop(workers);
    await placeRestored(verifiedRestorePath(dbPath), dbPath, keptAs);
    try {
      workers = await start();
    } catch (error) {
      await takeBackRestored(verifiedRestorePath(dbPath), dbPath, keptAs);
      workers = await start();
      throw error;
    }
  };
  // Calls that come while the library is being replaced wait for the workers on the new one.
  let replacing: Promise<unknown> | null = null;
  return {
    dispatch: async (method, arg, context = {}) => {
      while (replacing) await replacing;
      const result = await route(method, arg, context);
      if (method !== 'restoreLibrary' || !result.ok) return result;
      const done = replaceLibrary((result.value as RestoreReport).keptAs);
      replacing = done.catch(() => undefined);
      try {
        await done;
        return result;
      } catch (error) {
        return { ok: false, error: errorBody('INTERNAL', 'restoreFailed', { reason: error instanceof Error ? error.message : String(error) }) };
      } finally {
        replacing = null;
      }
    },
    close: async () => {
      while (replacing) await replacing;
      await stop(workers);
    },
  };
}

function startStoreWorker(workerScript: string, data: StoreWorkerData): Promise<StoreWorker> {
  return new Promise((resolveStart, rejectStart) => {
    const worker = new Worker(workerScript, { workerData: data });
    const pending = new Map<number, (result: ApiResult<unknown>) => void>();
    let nextId = 0;
    let stopped: string | null = null;
    let exited: Promise<void> = new Promise((resolve) => worker.once('exit', () => resolve()));
    const failAll = (message: string) => {
      stopped = message;
      for (const answer of pending.values()) answer({ ok: false, error: errorBody('INTERNAL', 'storeStopped', { role: data.role, reason: message }) });
      pending.clear();
    };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        resolveStart({
          call: (method, arg, context) => {
            if (stopped) return Promise.resolve({ ok: false, error: errorBody('INTERNAL', 'storeStopped', { role: data.role, reason: stopped }) });
            const id = nextId++;
            return new Promise((answer) => {
              pending.set(id, answer);
              worker.postMessage({ type: 'call', id, method, arg, context } satisfies ToWorker);
            });
          },
          inFlight: () => pending.size,
          close: async () => {
            if (!stopped) worker.postMessage({ type: 'close' } satisfies ToWorker);
            await exited;
          },
        });
      } else if (message.type === 'failed') {
        rejectStart(new Error(message.message));
      } else {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
    worker.on('error', (error) => {
      failAll(error.message);
      rejectStart(error);
    });
    exited = exited.then(() => failAll('it exited'));
  });
}
