/**
 * Undo and redo over the history that history.ts records: restore the snapshot before (undo)
 * or after (redo) an action. Kept apart from the recording so that the annotation and entity
 * queries, which record, and this file, which restores through them, do not import each other.
 */
import { removeAnnotation, writeAnnotation } from './annotations';
import { setMentionStatus } from './entities';
import { historyColumns, type HistoryRow, toEntry } from './history';
import type { Annotation, HistoryEntry, MentionRow } from './model';
import { statement } from './statements';
import type { Store } from './store';
import { tagExists } from './tags';

/** Puts an annotation (or a mention's status) back as a snapshot says, or removes it when the snapshot is empty. */
function restore(db: Store, row: HistoryRow, snapshot: string | null): void {
  if (row.subject === 'mention') return setMentionStatus(db, row.annotationId, (JSON.parse(snapshot!) as MentionRow).status);
  if (snapshot === null) return removeAnnotation(db, row.annotationId);
  const annotation = JSON.parse(snapshot) as Annotation;
  // A tag deleted since then cannot come back with it; the annotation comes back untagged.
  const tagStillThere = annotation.tagId === null || tagExists(db, annotation.tagId);
  writeAnnotation(db, { ...annotation, tagId: tagStillThere ? annotation.tagId : null });
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
