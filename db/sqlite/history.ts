/**
 * The history of undoable steps. Between {@link beginStep} and {@link finishStep}, triggers
 * (migration 9) copy every tracked row the connection changes, before and after, into
 * history_changes. A step that changed nothing is not kept; a new step ends its client's redo
 * stack. undo.ts walks the steps back and forth.
 */
import type { HistoryEntry, HistoryKind, StepContext, StepLabel } from '../model';
import { statement } from './statements';
import type { Store } from './store';

/**
 * Starts recording a step: from now until {@link finishStep}, every tracked row the connection
 * changes is copied into the step. Call inside the transaction that will hold the step's changes.
 */
export function beginStep(db: Store, context: StepContext): { stepId: number; previous: { actor: string | null; at: string | null } } {
  const stepId = Number(
    statement(db, "INSERT INTO history_steps (at, actor, client, kind) VALUES (?, ?, ?, 'pending')").run(context.now, context.actor, context.client).lastInsertRowid,
  );
  const previous = statement(db, 'SELECT actor, at FROM history_recording').get() as { actor: string | null; at: string | null };
  statement(db, 'UPDATE history_recording SET step_id = ?, actor = ?, at = ?').run(stepId, context.actor, context.now);
  return { stepId, previous };
}

/** Stops recording, and names again whoever wrote before the step. Always called after {@link beginStep}. */
export function stopRecording(db: Store, previous: { actor: string | null; at: string | null }): void {
  statement(db, 'UPDATE history_recording SET step_id = NULL, actor = ?, at = ?').run(previous.actor, previous.at);
}

/** Labels a recorded step, or drops it if it changed nothing; a new step ends its window's redo stack. */
export function finishStep(db: Store, stepId: number, client: string, label: StepLabel): void {
  if (!statement(db, 'SELECT 1 FROM history_changes WHERE step_id = ? LIMIT 1').pluck().get(stepId)) {
    statement(db, 'DELETE FROM history_steps WHERE id = ?').run(stepId);
    return;
  }
  const { kind, subjectId = null, articleId = null, quote = '', detail = {} } = label;
  statement(db, "UPDATE history_steps SET state = 'discarded' WHERE client = ? AND state = 'undone'").run(client);
  statement(
    db,
    'UPDATE history_steps SET kind = ?, subject_id = ?, article_id = ?, article_title = (SELECT title FROM articles WHERE id = ?), quote = ?, detail = ? WHERE id = ?',
  ).run(kind, subjectId, articleId, articleId, quote, JSON.stringify(detail), stepId);
}

/** A step's row as stored. */
export interface StepRow {
  id: number;
  at: string;
  actor: string;
  client: string;
  kind: HistoryKind;
  subjectId: number | null;
  articleId: number | null;
  articleTitle: string | null;
  quote: string;
  detail: string;
  state: HistoryEntry['state'];
}

/** The columns of a {@link StepRow}, from `table` (a name or alias in the query). */
export function stepColumns(table = 'history_steps'): string {
  return `${table}.id, ${table}.at, ${table}.actor, ${table}.client, ${table}.kind, ${table}.subject_id AS subjectId, ${table}.article_id AS articleId,
    ${table}.article_title AS articleTitle, ${table}.quote, ${table}.detail, ${table}.state`;
}

const CREATING = /\.(create|add|import|mark)$/;

/** A step as the API shows it. */
export function toEntry(row: StepRow): HistoryEntry {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    subject: row.kind.split('.')[0]!,
    action: CREATING.test(row.kind) ? 'create' : row.kind.endsWith('.delete') ? 'delete' : 'edit',
    annotationId: row.subjectId ?? 0,
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    quote: row.quote,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    actor: row.actor,
    state: row.state,
  };
}

/** The latest steps, newest first. */
export function listHistory(db: Store, limit: number): HistoryEntry[] {
  return (statement(db, `SELECT ${stepColumns()} FROM history_steps WHERE kind <> 'pending' ORDER BY id DESC LIMIT ?`).all(limit) as StepRow[]).map(toEntry);
}
