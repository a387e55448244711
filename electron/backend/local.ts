/**
 * Sanad's API over one SQLite store on this thread: the composition of the SQLite unit of work,
 * the job runner and the handlers. The store worker threads, the CLI and the tests build it here;
 * a team server would build the same handlers over its PostgreSQL implementation instead.
 */
import { sqliteLibraryFiles } from '../../db/sqlite/backup';
import { createJobRunner, type JobRunnerOptions } from '../../db/sqlite/job-runner';
import { sqliteUnitOfWork } from '../../db/sqlite/repositories';
import type { Store } from '../../db/sqlite/store';
import { createDispatcher, createHandlers, type Dispatch, type Services } from '../api/handlers';
import { defaultUploadDir } from '../paths';
import type { Preparer } from '../services/import';
import { uploadsIn } from '../services/uploads';

/** Options: a clock (tests fix it), import worker threads, job tuning for tests, and where received files wait. */
export interface LocalApiOptions {
  now?: () => string;
  preparer?: Preparer;
  jobs?: JobRunnerOptions;
  /** The folder the transport receives uploads into (the same one); this user's temporary one by default. */
  uploadDir?: string;
  /** The store's file, given where a restore may replace it (the store workers, whose owner moves a verified restore into place). */
  libraryPath?: string;
}

/** The services over `store` and the dispatcher that serves them. */
export function localApi(store: Store, { now = () => new Date().toISOString(), preparer, jobs: jobOptions, uploadDir = defaultUploadDir(), libraryPath }: LocalApiOptions = {}) {
  const jobs = createJobRunner(store, now, jobOptions);
  const services: Services = { uow: sqliteUnitOfWork(store), jobs, preparer, now, uploads: uploadsIn(uploadDir), libraryFiles: sqliteLibraryFiles(store), libraryPath };
  const dispatch: Dispatch = createDispatcher(createHandlers(services), services);
  return { services, jobs, dispatch };
}
