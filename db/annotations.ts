/** Queries on annotations. */
import type { Annotation, AnnotationRow } from '../electron/api/contract';
import type { Store } from './store';

/** What a new annotation stores; offsets count code points. */
export type NewAnnotation = Omit<Annotation, 'id' | 'createdAt' | 'updatedAt'>;

const annotationColumns = `
  n.id, n.article_id AS articleId, n.start_offset AS start, n.end_offset AS "end", n.exact, n.prefix, n.suffix,
  n.tag_id AS tagId, n.note, n.created_at AS createdAt, n.updated_at AS updatedAt`;

/** Annotations with their article and tag, of one article (in text order) or of all (newest first). */
export function listAnnotationRows(db: Store, articleId?: number): AnnotationRow[] {
  const select = `
    SELECT ${annotationColumns}, a.title AS articleTitle, a.direction AS articleDirection,
           t.name AS tagName, t.colour AS tagColour
    FROM annotations n
    JOIN articles a ON a.id = n.article_id
    LEFT JOIN tags t ON t.id = n.tag_id`;
  return (
    articleId === undefined
      ? db.prepare(`${select} ORDER BY n.created_at DESC, n.id DESC`).all()
      : db.prepare(`${select} WHERE n.article_id = ? ORDER BY n.start_offset, n.end_offset`).all(articleId)
  ) as AnnotationRow[];
}

/** Stores an annotation and returns it. */
export function insertAnnotation(db: Store, annotation: NewAnnotation, now: string): Annotation {
  const result = db
    .prepare(
      `INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, tag_id, note, created_at, updated_at)
       VALUES (@articleId, @start, @end, @exact, @prefix, @suffix, @tagId, @note, @now, @now)`,
    )
    .run({ ...annotation, now });
  return db.prepare(`SELECT ${annotationColumns} FROM annotations n WHERE n.id = ?`).get(result.lastInsertRowid) as Annotation;
}

/** Deletes annotation `id`; returns whether it existed. */
export function deleteAnnotation(db: Store, id: number): boolean {
  return db.prepare('DELETE FROM annotations WHERE id = ?').run(id).changes > 0;
}
