/**
 * The annotation history: every create, edit and delete of an annotation, and every review of
 * an entity mention, with the row before and after, so an action can be undone (restore
 * `before`) and redone (restore `after`), also after a restart. A new action after some undos
 * discards the undone ones from the redo stack (they stay listed).
 */
import type { Annotation, HistoryEntry, MentionRow } from '../electron/api/contract';
import { removeAnnotation, writeAnnotation } from './annotations';
import { setMentionStatus } from './entities';
import { tagExists } from './tags';
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

interface HistoryRow {
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
const historyColumns = 'id, at, subject, action, annotation_id AS annotationId, before, after, state';

/** Puts an annotation (or a mention's status) back as a snapshot says, or removes it when the snapshot is empty. */
function restore(db: Store, row: HistoryRow, snapshot: string | null): void {
  if (row.subject === 'mention') return setMentionStatus(db, row.annotationId, (JSON.parse(snapshot!) as MentionRow).status);
  if (snapshot === null) return removeAnnotation(db, row.annotationId);
  const annotation = JSON.parse(snapshot) as Annotation;
  // A tag deleted since then cannot come back with it; the annotation comes back untagged.
  const tagStillThere = annotation.tagId === null || tagExists(db, annotation.tagId);
  writeAnnotation(db, { ...annotation, tagId: tagStillThere ? annotation.tagId : null });
}

function toEntry(row: HistoryRow): HistoryEntry {
  const snapshot = JSON.parse((row.after ?? row.before)!) as { articleId: number; exact: string };
  return { id: row.id, at: row.at, subject: row.subject, action: row.action, annotationId: row.annotationId, articleId: snapshot.articleId, quote: snapshot.exact, state: row.state };
}

/** Undoes the latest action still done; returns it, or undefined when there is nothing to undo. */
export function undo(db: Store): HistoryEntry | undefined {
  return db.transaction(() => {
    const row = statement(db, `SELECT ${historyColumns} FROM annotation_history WHERE state = 'done' ORDER BY id DESC LIMIT 1`).get() as HistoryRow | undefined;
    if (!row) return undefined;
    restore(db, row, row.before);
    statement(db, "UPDATE annotation_history SET state = 'undone' WHERE id = ?").run(row.id);
    return toEntry({ ...row, state: 'undone' });
  })();
}

/** Redoes the earliest undone action; returns it, or undefined when there is nothing to redo. */
export function redo(db: Store): HistoryEntry | undefined {
  return db.transaction(() => {
    const row = statement(db, `SELECT ${historyColumns} FROM annotation_history WHERE state = 'undone' ORDER BY id LIMIT 1`).get() as HistoryRow | undefined;
    if (!row) return undefined;
    restore(db, row, row.after);
    statement(db, "UPDATE annotation_history SET state = 'done' WHERE id = ?").run(row.id);
    return toEntry({ ...row, state: 'done' });
  })();
}

/** The latest history entries, newest first. */
export function listHistory(db: Store, limit: number): HistoryEntry[] {
  return (statement(db, `SELECT ${historyColumns} FROM annotation_history ORDER BY id DESC LIMIT ?`).all(limit) as HistoryRow[]).map(toEntry);
}
