/**
 * Background jobs (alias scans, re-indexing after an analyser change): long work split into short chunks. Each chunk runs in its own transaction,
 * which also records the job's progress, and the runner yields to the event loop between
 * chunks, so the thread that owns the store keeps answering other calls while a job runs, a
 * cancel takes effect after the current chunk, and a job cut off by a crash or quit is taken
 * up again exactly where its last committed chunk ended.
 */
import { lastArticleId, suggestEntityMentionsInRange } from './entities';
import type { JobRunner } from '../repositories';
import { activeJob, finishJob, findJob, insertJob, type JobRecord, markInterrupted, recordProgress, requestCancel, takeUnfinishedJobs } from './jobs';
import { markClaimKeysStale, refreshClaimSearchKeys } from './claims';
import { indexedAnalyserVersion, markIndexCurrent, reindexArticle } from './search-index';
import { ANALYSER_VERSION } from '../text/analyser';
import type { JobKind } from '../model';
import type { Store } from './store';

/** Article ids an alias-scan chunk covers: ~20 ms of work on the bench's articles (tests make it smaller). */
const ALIAS_SCAN_WINDOW = 500;

/** What one chunk did: progress so far, where the next starts, and whether the job is finished. */
interface ChunkOutcome {
  done: number;
  cursor: number;
  finished: boolean;
}

/**
 * How a kind of job runs: one chunk at a time, inside the runner's transaction. Each chunk commits
 * with its cursor, so a job found unfinished at start goes on from there.
 */
interface JobType {
  chunk(db: Store, job: JobRecord, now: string): ChunkOutcome;
  result?(db: Store, job: JobRecord): Record<string, unknown>;
}

/** Article ids a re-index chunk covers. */
const REINDEX_WINDOW = 200;

/** Tuning for tests: how much one chunk does. */
export interface JobRunnerOptions {
  aliasScanWindow?: number;
  reindexWindow?: number;
}

/** The kinds of job the runner itself runs, chunk by chunk. */
type RunnableKind = Exclude<JobKind, 'import' | 'export' | 'backup' | 'report'>;

const jobTypesFor = ({ aliasScanWindow = ALIAS_SCAN_WINDOW, reindexWindow = REINDEX_WINDOW }: JobRunnerOptions): Record<RunnableKind, JobType> => ({
  reindex: {
    chunk(db, job) {
      const upTo = Math.min(job.cursor + reindexWindow, job.total);
      for (const id of db.prepare('SELECT id FROM articles WHERE id > ? AND id <= ?').pluck().all(job.cursor, upTo) as number[]) reindexArticle(db, id);
      markClaimKeysStale(db, job.cursor, upTo);
      refreshClaimSearchKeys(db);
      if (upTo >= job.total) markIndexCurrent(db);
      return { done: upTo, cursor: upTo, finished: upTo >= job.total };
    },
  },
  'alias-scan': {
    chunk(db, job, now) {
      const upTo = Math.min(job.cursor + aliasScanWindow, job.total);
      suggestEntityMentionsInRange(db, now, job.params.entityId as number, job.cursor, upTo);
      return { done: upTo, cursor: upTo, finished: upTo >= job.total };
    },
    result: (db, job) => ({
      suggested: db.prepare("SELECT count(*) FROM entity_mentions WHERE entity_id = ? AND status = 'suggested'").pluck().get(job.params.entityId) as number,
    }),
  },
});

/** A runner over `db`; it writes nothing until a job is started or resumed. */
export function createJobRunner(db: Store, now: () => string, options: JobRunnerOptions = {}): JobRunner & { resumeUnfinished(): JobRecord[] } {
  const jobTypes = jobTypesFor(options);
  // Who waits for each running job (one tracker per job: track runs it once).
  const waiting = new Map<number, (job: JobRecord) => void>();
  const settle = (id: number) => {
    waiting.get(id)?.(findJob(db, id)!);
    waiting.delete(id);
  };
  const run = async (id: number) => {
    for (;;) {
      // Let other calls in between chunks, and never run inside another call's transaction.
      do await new Promise((resolve) => setImmediate(resolve));
      while (db.inTransaction);
      const job = findJob(db, id);
      if (!job || job.kind === 'import' || job.kind === 'export' || job.kind === 'backup' || job.kind === 'report') return;
      const type = jobTypes[job.kind];
      if (job.cancelRequested) {
        finishJob(db, id, 'cancelled', now(), { result: type.result?.(db, job) });
        return settle(id);
      }
      try {
        const finished = db.transaction(() => {
          const step = type.chunk(db, job, now());
          recordProgress(db, id, step);
          if (step.finished) finishJob(db, id, 'done', now(), { result: type.result?.(db, { ...job, ...step }) });
          return step.finished;
        })();
        if (finished) return settle(id);
      } catch (error) {
        finishJob(db, id, 'failed', now(), { error: error instanceof Error ? error.message : String(error) });
        return settle(id);
      }
    }
  };
  const track = (id: number) =>
    new Promise<JobRecord>((resolve) => {
      waiting.set(id, resolve);
      void run(id);
    });
  return {
    scanAliases: (entityId, label, actor) =>
      track(insertJob(db, { kind: 'alias-scan', label, params: { entityId }, total: lastArticleId(db), actor, now: now() })),
    cancel: (id) => requestCancel(db, id),
    resumeUnfinished: () => {
      const unfinished = takeUnfinishedJobs(db);
      for (const job of unfinished) {
        if (job.kind === 'import') {
          // Each file of an import is stored whole or not at all, so what it stored stays.
          markInterrupted(db, job.id, `Sanad stopped during this import after ${job.done} of ${job.total} files; those are in the library. Import the others again (files already in are skipped).`, now());
        } else if (job.kind === 'export' || job.kind === 'report') {
          markInterrupted(db, job.id, 'Sanad stopped during this export; nothing was written. Export again.', now());
        } else if (job.kind === 'backup') {
          // A backup writes its file only once it is whole, so none was made.
          markInterrupted(db, job.id, 'Sanad stopped during this backup; no backup file was made. Back up again.', now());
        } else void track(job.id);
      }
      return unfinished;
    },
    follow: (kind, label, total, actor) => {
      const id = insertJob(db, { kind, label, params: {}, total, actor, now: now() });
      return {
        id,
        progress: (done, total) => recordProgress(db, id, { done, cursor: done, total }),
        cancelRequested: () => findJob(db, id)?.cancelRequested ?? false,
        finish: (state, outcome = {}) => finishJob(db, id, state, now(), outcome),
      };
    },
    ensureIndexCurrent: () => {
      if (indexedAnalyserVersion(db) === ANALYSER_VERSION || activeJob(db, 'reindex')) return;
      void track(insertJob(db, { kind: 'reindex', label: '', params: {}, total: lastArticleId(db), actor: 'sanad', now: now() }));
    },
  };
}
