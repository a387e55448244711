/**
 * The annotation history: every create, edit and delete with the row before and after, so an
 * action can be undone (restore `before`) and redone (restore `after`), also after a restart.
 * A new action after some undos discards the undone ones from the redo stack (they stay listed).
 */
import type { Annotation, HistoryEntry } from '../electron/api/contract';
import { removeAnnotation, writeAnnotation } from './annotations';
import { statement } from './statements';
import type { Store } from './store';

type Action = HistoryEntry['action'];

/** Records an action; it also ends any redo stack. */
export function recordAction(db: Store, action: Action, before: Annotation | null, after: Annotation | null, now: string): void {
  statement(db, "UPDATE annotation_history SET state = 'discarded' WHERE state = 'undone'").run();
  statement(db, 'INSERT INTO annotation_history (at, action, annotation_id, before, after) VALUES (?, ?, ?, ?, ?)').run(
    now,
    action,
    (after ?? before)!.id,
    before && JSON.stringify(before),
    after && JSON.stringify(after),
  );
}

interface HistoryRow {
  id: number;
  at: string;
  action: Action;
  annotationId: number;
  before: string | null;
  after: string | null;
  state: HistoryEntry['state'];
}

const historyColumns = 'id, at, action, annotation_id AS annotationId, before, after, state';

/** Puts an annotation back as a snapshot says, or removes it when the snapshot is empty. */
function restore(db: Store, annotationId: number, snapshot: string | null): void {
  if (snapshot === null) return removeAnnotation(db, annotationId);
  const annotation = JSON.parse(snapshot) as Annotation;
  // A tag deleted since then cannot come back with it; the annotation comes back untagged.
  const tagExists = annotation.tagId === null || statement(db, 'SELECT 1 FROM tags WHERE id = ?').get(annotation.tagId) !== undefined;
  writeAnnotation(db, { ...annotation, tagId: tagExists ? annotation.tagId : null });
}

function toEntry(row: HistoryRow): HistoryEntry {
  const snapshot = JSON.parse((row.after ?? row.before)!) as Annotation;
  return { id: row.id, at: row.at, action: row.action, annotationId: row.annotationId, articleId: snapshot.articleId, quote: snapshot.exact, state: row.state };
}

/** Undoes the latest action still done; returns it, or undefined when there is nothing to undo. */
export function undo(db: Store): HistoryEntry | undefined {
  return db.transaction(() => {
    const row = statement(db, `SELECT ${historyColumns} FROM annotation_history WHERE state = 'done' ORDER BY id DESC LIMIT 1`).get() as HistoryRow | undefined;
    if (!row) return undefined;
    restore(db, row.annotationId, row.before);
    statement(db, "UPDATE annotation_history SET state = 'undone' WHERE id = ?").run(row.id);
    return toEntry({ ...row, state: 'undone' });
  })();
}

/** Redoes the earliest undone action; returns it, or undefined when there is nothing to redo. */
export function redo(db: Store): HistoryEntry | undefined {
  return db.transaction(() => {
    const row = statement(db, `SELECT ${historyColumns} FROM annotation_history WHERE state = 'undone' ORDER BY id LIMIT 1`).get() as HistoryRow | undefined;
    if (!row) return undefined;
    restore(db, row.annotationId, row.after);
    statement(db, "UPDATE annotation_history SET state = 'done' WHERE id = ?").run(row.id);
    return toEntry({ ...row, state: 'done' });
  })();
}

/** The latest history entries, newest first. */
export function listHistory(db: Store, limit: number): HistoryEntry[] {
  return (statement(db, `SELECT ${historyColumns} FROM annotation_history ORDER BY id DESC LIMIT ?`).all(limit) as HistoryRow[]).map(toEntry);
}
