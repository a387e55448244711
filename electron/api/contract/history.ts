/** The undo history and background jobs. */
import { z } from 'zod';
import type { Job, HistoryEntry } from '../../../db/model';
import { id, method } from './schemas';

/** The history methods of the contract. */
export const historyMethods = {
  undo: method<HistoryEntry | null>()(z.object({})),
  redo: method<HistoryEntry | null>()(z.object({})),
  listHistory: method<HistoryEntry[]>('read')(z.object({ limit: z.number().int().min(1).max(1000).default(100) })),
  /** Background jobs, newest first, with their progress. */
  listJobs: method<Job[]>('read')(z.object({ limit: z.number().int().min(1).max(200).default(20) })),
  /** Stops a job after its current chunk; what it finished stays. */
  cancelJob: method<{ cancelling: true }>()(z.object({ id })),
};
