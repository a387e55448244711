/**
 * Where import preparation runs. With a built worker script, files are prepared in worker
 * threads (one per spare core, at least one) while the main thread writes to the store; without
 * one (tests running from source) they are prepared in the calling thread. If a worker dies, its
 * files and all later ones are prepared in the calling thread: an import never hangs on a worker.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type IncomingFile, type PreparedFile, prepareFile } from './prepare';

/** Prepares files for import; `close` stops any worker threads. */
export interface Preparer {
  prepare(file: IncomingFile): Promise<PreparedFile>;
  close(): Promise<void>;
}

/** Preparation in the calling thread. */
export const inThreadPreparer: Preparer = { prepare: prepareFile, close: async () => {} };

interface Job {
  file: IncomingFile;
  worker: Worker;
  resolve: (prepared: PreparedFile) => void;
}

/** A pool of worker threads running `workerScript` (the built import worker), or in-thread if it is missing. */
export function createPreparer(workerScript: string, size = Math.max(1, availableParallelism() - 1)): Preparer {
  if (!existsSync(workerScript)) return inThreadPreparer;
  const jobs = new Map<number, Job>();
  let nextId = 0;
  let broken = false;
  const finish = (id: number, prepared: PreparedFile) => {
    jobs.get(id)?.resolve(prepared);
    jobs.delete(id);
    // Idle workers must not keep the process alive; busy ones must, or an awaiting CLI would exit.
    if (jobs.size === 0) workers.forEach((w) => w.unref());
  };
  const failOver = (worker: Worker) => {
    broken = true;
    for (const [id, job] of jobs) if (job.worker === worker) void prepareFile(job.file).then((prepared) => finish(id, prepared));
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(workerScript);
    worker.on('message', ({ id, prepared }: { id: number; prepared: PreparedFile }) => finish(id, prepared));
    worker.on('error', () => failOver(worker));
    worker.on('exit', () => failOver(worker));
    worker.unref();
    return worker;
  });
  return {
    prepare(file) {
      if (broken) return prepareFile(file);
      const id = nextId++;
      const worker = workers[id % workers.length]!;
      return new Promise((resolve) => {
        jobs.set(id, { file, worker, resolve });
        worker.ref();
        worker.postMessage({ id, file });
      });
    },
    close: async () => {
      broken = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
