/** What the main thread and the store workers say to each other. */
import type { ApiResult } from '../api/constants';
import type { CallContext } from '../api/handlers';

/** Which connection a store worker opens. */
export interface StoreWorkerData {
  dbPath: string;
  role: 'writer' | 'reader';
  /** Where received files wait (the transport writes them there). */
  uploadDir?: string;
}

/** Main thread → worker: a call to run, or the order to close the store. */
export type ToWorker = { type: 'call'; id: number; method: string; arg: unknown; context: CallContext } | { type: 'close' };

/** Worker → main thread: ready, could not open the store, or a call's result. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> };
