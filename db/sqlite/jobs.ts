/** The jobs table: what long work is queued or running, how far it got, and how it ended. */
import type { Job, JobKind, JobState } from '../model';
import { statement } from './statements';
import type { Store } from './store';

/** A job's row with what its runner needs besides what people see. */
export interface JobRecord extends Job {
  params: Record<string, unknown>;
  cursor: number;
  cancelRequested: boolean;
}

const jobColumns = `id, kind, label, state, done, total, result, error, resumed, created_by AS createdBy, created_at AS createdAt,
  finished_at AS finishedAt, params, cursor, cancel_requested AS cancelRequested`;

type JobRow = Omit<JobRecord, 'params' | 'result' | 'cancelRequested'> & { params: string; result: string | null; cancelRequested: number };

function parse(row: JobRow): JobRecord {
  return { ...row, params: JSON.parse(row.params) as Record<string, unknown>, result: row.result ? (JSON.parse(row.result) as Record<string, unknown>) : null, cancelRequested: row.cancelRequested === 1 };
}

/** Records a new queued job and returns its id. */
export function insertJob(db: Store, job: { kind: JobKind; label: string; params: Record<string, unknown>; total: number; actor: string; now: string }): number {
  return Number(
    statement(db, "INSERT INTO jobs (kind, label, params, state, total, created_by, created_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)").run(
      job.kind,
      job.label,
      JSON.stringify(job.params),
      job.total,
      job.actor,
      job.now,
    ).lastInsertRowid,
  );
}

/** One job with its runner's fields, or undefined. */
export function findJob(db: Store, id: number): JobRecord | undefined {
  const row = statement(db, `SELECT ${jobColumns} FROM jobs WHERE id = ?`).get(id) as JobRow | undefined;
  return row && parse(row);
}

/** The latest jobs, newest first, as people see them. */
export function listJobs(db: Store, limit: number): Job[] {
  return (statement(db, `SELECT ${jobColumns} FROM jobs ORDER BY id DESC LIMIT ?`).all(limit) as JobRow[]).map((row) => {
    const { params: _params, cursor: _cursor, cancelRequested: _cancel, ...job } = parse(row);
    return job;
  });
}

/** Records a chunk's progress; called in the chunk's own transaction, so progress and work commit together. */
export function recordProgress(db: Store, id: number, progress: { done: number; cursor: number; total?: number }): void {
  statement(db, "UPDATE jobs SET state = 'running', done = ?, cursor = ?, total = coalesce(?, total) WHERE id = ?").run(progress.done, progress.cursor, progress.total ?? null, id);
}

/** Ends a job. */
export function finishJob(db: Store, id: number, state: Extract<JobState, 'done' | 'failed' | 'cancelled'>, now: string, outcome: { result?: Record<string, unknown>; error?: string } = {}): void {
  statement(db, 'UPDATE jobs SET state = ?, result = ?, error = ?, finished_at = ? WHERE id = ?').run(
    state,
    outcome.result ? JSON.stringify(outcome.result) : null,
    outcome.error ?? null,
    now,
    id,
  );
}

/** Asks a queued or running job to stop after its current chunk; returns whether it was still going. */
export function requestCancel(db: Store, id: number): boolean {
  return statement(db, "UPDATE jobs SET cancel_requested = 1 WHERE id = ? AND state IN ('queued', 'running')").run(id).changes > 0;
}

/** The queued or running job of a kind, if any (e.g. a re-index, which searches mention). */
export function activeJob(db: Store, kind: JobKind): Job | undefined {
  const row = statement(db, `SELECT ${jobColumns} FROM jobs WHERE kind = ? AND state IN ('queued', 'running') ORDER BY id LIMIT 1`).get(kind) as JobRow | undefined;
  if (!row) return undefined;
  const { params: _params, cursor: _cursor, cancelRequested: _cancel, ...job } = parse(row);
  return job;
}

/** Jobs found unfinished (Sanad stopped while they ran): each is counted as resumed and returned. */
export function takeUnfinishedJobs(db: Store): JobRecord[] {
  const unfinished = (statement(db, `SELECT ${jobColumns} FROM jobs WHERE state IN ('queued', 'running') ORDER BY id`).all() as JobRow[]).map(parse);
  for (const job of unfinished) statement(db, 'UPDATE jobs SET resumed = resumed + 1 WHERE id = ?').run(job.id);
  return unfinished;
}

/** Marks a job that cannot be taken up again as interrupted, with the reason. */
export function markInterrupted(db: Store, id: number, reason: string, now: string): void {
  statement(db, "UPDATE jobs SET state = 'interrupted', error = ?, finished_at = ? WHERE id = ?").run(reason, now, id);
}
