/**
 * Queries on annotations. They run inside the caller's unit of work; a change an analyst makes
 * runs in a history step, so it can be undone and redone (see history.ts).
 */
import type { Annotation, AnnotationRow, NewAnnotation, Page, PageRequest } from '../model';
import { type PagedColumn, pageClauses } from './paging';
import { statement } from './statements';
import type { Store } from './store';


const annotationColumns = `
  n.id, n.article_id AS articleId, n.start_offset AS start, n.end_offset AS "end", n.exact, n.prefix, n.suffix,
  n.tag_id AS tagId, n.note, n.created_at AS createdAt, n.updated_at AS updatedAt,
  n.review_reason AS reviewReason, n.review_candidates AS reviewCandidates`;

type AnnotationRecord = Omit<Annotation, 'reviewCandidates'> & { reviewCandidates: string | null };

function parseRecord<T extends AnnotationRecord>(row: T): Omit<T, 'reviewCandidates'> & Pick<Annotation, 'reviewCandidates'> {
  return { ...row, reviewCandidates: row.reviewCandidates ? (JSON.parse(row.reviewCandidates) as Annotation['reviewCandidates']) : null };
}

const rowSelect = `
    SELECT ${annotationColumns}, a.title AS articleTitle, a.direction AS articleDirection,
           t.name AS tagName, t.colour AS tagColour
    FROM annotations n
    JOIN articles a ON a.id = n.article_id
    LEFT JOIN tags t ON t.id = n.tag_id`;

/** What the annotations grid may filter and sort on. */
const annotationGridColumns: Record<string, PagedColumn> = {
  id: { sql: 'n.id', kind: 'number' },
  articleId: { sql: 'n.article_id', kind: 'number' },
  articleTitle: { sql: 'a.title', kind: 'text' },
  exact: { sql: 'n.exact', kind: 'text' },
  tagName: { sql: 't.name', kind: 'text' },
  note: { sql: 'n.note', kind: 'text' },
  createdAt: { sql: 'n.created_at', kind: 'date' },
  updatedAt: { sql: 'n.updated_at', kind: 'date' },
  reviewReason: { sql: 'n.review_reason', kind: 'text' },
  start: { sql: 'n.start_offset', kind: 'number' },
};

/** One block of the annotations grid (of one article, or of all), newest first by default. */
export function queryAnnotations(db: Store, request: PageRequest & { articleId?: number }): Page<AnnotationRow> {
  const { where, params, orderBy } = pageClauses(annotationGridColumns, request, {
    quickFilterColumns: ['exact', 'note', 'articleTitle', 'tagName'],
    order: { defaultSort: { sql: 'n.created_at', desc: true }, tieBreaker: 'n.id' },
    extraWhere: request.articleId === undefined ? [] : [{ sql: 'n.article_id = ?', params: [request.articleId] }],
  });
  const rows = db.prepare(`${rowSelect} ${where} ${orderBy} LIMIT ? OFFSET ?`).all(...params, request.endRow - request.startRow, request.startRow) as (AnnotationRecord & AnnotationRow)[];
  const total = request.withCount
    ? (db.prepare(`SELECT count(*) FROM annotations n JOIN articles a ON a.id = n.article_id LEFT JOIN tags t ON t.id = n.tag_id ${where}`).pluck().get(...params) as number)
    : null;
  return { rows: rows.map(parseRecord) as AnnotationRow[], total };
}

/** Annotations with their article and tag, of one article (in text order) or of all (newest first). */
export function listAnnotationRows(db: Store, articleId?: number): AnnotationRow[] {
  const select = rowSelect;
  const rows = (
    articleId === undefined
      ? db.prepare(`${select} ORDER BY n.created_at DESC, n.id DESC`).all()
      : db.prepare(`${select} WHERE n.article_id = ? ORDER BY n.start_offset, n.end_offset`).all(articleId)
  ) as (AnnotationRecord & AnnotationRow)[];
  return rows.map(parseRecord) as AnnotationRow[];
}

/** One annotation, or undefined. */
export function findAnnotation(db: Store, id: number): Annotation | undefined {
  const row = statement(db, `SELECT ${annotationColumns} FROM annotations n WHERE n.id = ?`).get(id) as AnnotationRecord | undefined;
  return row && parseRecord(row);
}

/** An annotation on exactly this passage with this tag, if one exists. */
export function findAnnotationAt(db: Store, articleId: number, start: number, end: number, tagId: number | null): Annotation | undefined {
  const id = statement(db, 'SELECT id FROM annotations WHERE article_id = ? AND start_offset = ? AND end_offset = ? AND tag_id IS ?')
    .pluck()
    .get(articleId, start, end, tagId) as number | undefined;
  return id === undefined ? undefined : findAnnotation(db, id);
}

/**
 * Writes an annotation's whole row, as changing it or restoring it from history does. An upsert,
 * not INSERT OR REPLACE: a replace deletes the row first, which would fire no delete trigger
 * and so miscount the article's annotations.
 */
export function writeAnnotation(db: Store, annotation: Annotation): void {
  statement(
    db,
    `INSERT INTO annotations
       (id, article_id, start_offset, end_offset, exact, prefix, suffix, tag_id, note, created_at, updated_at, review_reason, review_candidates)
     VALUES (@id, @articleId, @start, @end, @exact, @prefix, @suffix, @tagId, @note, @createdAt, @updatedAt, @reviewReason, @reviewCandidates)
     ON CONFLICT (id) DO UPDATE SET
       start_offset = excluded.start_offset, end_offset = excluded.end_offset, exact = excluded.exact,
       prefix = excluded.prefix, suffix = excluded.suffix, tag_id = excluded.tag_id, note = excluded.note,
       updated_at = excluded.updated_at, review_reason = excluded.review_reason, review_candidates = excluded.review_candidates`,
  ).run({ ...annotation, reviewCandidates: annotation.reviewCandidates ? JSON.stringify(annotation.reviewCandidates) : null });
}

/** Stores a new annotation and returns it (the caller's unit of work records it as a step). */
export function insertAnnotation(db: Store, annotation: NewAnnotation, now: string): Annotation {
  const id = Number(
    statement(
      db,
      `INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, tag_id, note, created_at, updated_at)
       VALUES (@articleId, @start, @end, @exact, @prefix, @suffix, @tagId, @note, @now, @now)`,
    ).run({ ...annotation, now }).lastInsertRowid,
  );
  return findAnnotation(db, id)!;
}

/** Changes an annotation (tag, note, place) and returns it; undefined if there is none. */
export function changeAnnotation(db: Store, id: number, change: Partial<Omit<Annotation, 'id' | 'articleId' | 'createdAt'>>, now: string): Annotation | undefined {
  const before = findAnnotation(db, id);
  if (!before) return undefined;
  const after: Annotation = { ...before, ...change, updatedAt: now };
  writeAnnotation(db, after);
  return after;
}

/** Deletes annotation `id`; returns whether it existed. */
export function deleteAnnotation(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM annotations WHERE id = ?').run(id).changes > 0;
}
