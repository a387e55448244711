/**
 * Migration 7: background jobs. Long work (alias scans now; imports, re-indexing and exports
 * next) runs in short chunks, each its own transaction that also records the job's progress,
 * so a crash or quit leaves a job exactly where its last chunk ended: it is reported and
 * resumed, never half-applied.
 */
export const sql = `
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  -- What the job works on, as JSON (e.g. {"entityId": 3}); and a label for people ("رويترز").
  params TEXT NOT NULL,
  label TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL DEFAULT 0,
  -- Where the next chunk starts (kind-specific, e.g. the last article id scanned).
  cursor INTEGER NOT NULL DEFAULT 0,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  result TEXT,
  error TEXT,
  -- How many times it was found unfinished at start and taken up again.
  resumed INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;
CREATE INDEX jobs_by_state ON jobs (state, id);
`;
