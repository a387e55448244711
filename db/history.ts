/**
 * The annotation history: every create, edit and delete of an annotation, and every review of
 * an entity mention, with the row before and after, so an action can be undone (restore
 * `before`) and redone (restore `after`), also after a restart. A new action after some undos
 * discards the undone ones from the redo stack (they stay listed).
 */
import type { Annotation, HistoryEntry, MentionRow } from './model';
import { statement } from './statements';
import type { Store } from './store';

type Action = HistoryEntry['action'];

/** Records an action on an annotation; it also ends any redo stack. */
export function recordAction(db: Store, action: Action, before: Annotation | null, after: Annotation | null, now: string): void {
  record(db, 'annotation', action, (after ?? before)!.id, before, after, now);
}

/** Records the acceptance or rejection of an entity mention. */
export function recordMentionReview(db: Store, before: MentionRow, after: MentionRow, now: string): void {
  record(db, 'mention', 'edit', before.id, before, after, now);
}

function record(db: Store, subject: HistoryEntry['subject'], action: Action, id: number, before: object | null, after: object | null, now: string): void {
  statement(db, "UPDATE annotation_history SET state = 'discarded' WHERE state = 'undone'").run();
  statement(db, 'INSERT INTO annotation_history (at, subject, action, annotation_id, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(
    now,
    subject,
    action,
    id,
    before && JSON.stringify(before),
    after && JSON.stringify(after),
  );
}

/** A history row as stored: snapshots are JSON. */
export interface HistoryRow {
  id: number;
  at: string;
  subject: HistoryEntry['subject'];
  action: Action;
  annotationId: number;
  before: string | null;
  after: string | null;
  state: HistoryEntry['state'];
}

// annotation_id holds the id of the history entry's subject: an annotation or a mention.
export const historyColumns = 'id, at, subject, action, annotation_id AS annotationId, before, after, state';

export function toEntry(row: HistoryRow): HistoryEntry {
  const snapshot = JSON.parse((row.after ?? row.before)!) as { articleId: number; exact: string };
  return { id: row.id, at: row.at, subject: row.subject, action: row.action, annotationId: row.annotationId, articleId: snapshot.articleId, quote: snapshot.exact, state: row.state };
}

/** The latest history entries, newest first. */
export function listHistory(db: Store, limit: number): HistoryEntry[] {
  return (statement(db, `SELECT ${historyColumns} FROM annotation_history ORDER BY id DESC LIMIT ?`).all(limit) as HistoryRow[]).map(toEntry);
}
