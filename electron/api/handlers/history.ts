/** Handlers of the undo history and of background jobs. */
import { ApiError, type Handlers, type Services } from './common';

type HistoryMethods = 'undo' | 'redo' | 'listHistory' | 'listJobs' | 'cancelJob';

/** The history's and the jobs' handlers. */
export function historyHandlers({ jobs }: Services): Pick<Handlers, HistoryMethods> {
  return {
    undo: async (_input, { repos, client }) => (await repos.history.undo(client)) ?? null,
    redo: async (_input, { repos, client }) => (await repos.history.redo(client)) ?? null,
    listHistory: ({ limit }, { repos }) => repos.history.list(limit),
    listJobs: ({ limit }, { repos }) => repos.jobs.list(limit),
    cancelJob: async ({ id }) => {
      if (!jobs.cancel(id)) throw new ApiError('CONFLICT', 'jobFinished', { id });
      return { cancelling: true as const };
    },
  };
}
