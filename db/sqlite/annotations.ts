/**
 * Queries on annotations. They run inside the caller's unit of work; a change an analyst makes
 * runs in a history step, so it can be undone and redone (see history.ts).
 */
import type { Annotation, AnnotationChange, AnnotationGroup, AnnotationGroups, AnnotationRow, AnnotationScope, NewAnnotation, Page, PageRequest, TagRef } from '../model';
import { type PagedColumn, pageClauses } from './paging';
import { statement } from './statements';
import type { Store } from './store';


const annotationColumns = `
  n.id, n.article_id AS articleId, n.start_offset AS start, n.end_offset AS "end", n.exact, n.prefix, n.suffix,
  n.note, n.created_at AS createdAt, n.updated_at AS updatedAt,
  n.review_reason AS reviewReason, n.review_candidates AS reviewCandidates,
  (SELECT json_group_array(json_object('id', t.id, 'name', t.name, 'colour', t.colour) ORDER BY x.id)
   FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = n.id) AS tags`;

type AnnotationRecord = Omit<Annotation, 'reviewCandidates' | 'tagId' | 'tagIds'> & { reviewCandidates: string | null; tags: string };

/** A row as the store reads it, with its JSON columns parsed and its tags in the order they were applied. */
function parseRecord<T extends AnnotationRecord>(row: T): Omit<T, 'reviewCandidates' | 'tags'> & Pick<AnnotationRow, 'reviewCandidates' | 'tags' | 'tagIds' | 'tagId'> {
  const tags = JSON.parse(row.tags) as TagRef[];
  return {
    ...row,
    reviewCandidates: row.reviewCandidates ? (JSON.parse(row.reviewCandidates) as Annotation['reviewCandidates']) : null,
    tags,
    tagIds: tags.map((tag) => tag.id),
    tagId: tags[0]?.id ?? null,
  };
}

/** An annotation without what only the grids show. */
function asAnnotation({ tags: _tags, ...annotation }: ReturnType<typeof parseRecord<AnnotationRecord>>): Annotation {
  return annotation;
}

const rowSelect = `
    SELECT ${annotationColumns}, a.title AS articleTitle, a.direction AS articleDirection
    FROM annotations n
    JOIN articles a ON a.id = n.article_id`;

type RowRecord = AnnotationRecord & Pick<AnnotationRow, 'articleTitle' | 'articleDirection'>;

/** A grid row: the annotation, its article, and its tags (the first one also as tagName/tagColour). */
function toRow(record: RowRecord): AnnotationRow {
  const row = parseRecord(record);
  return { ...row, tagName: row.tags[0]?.name ?? null, tagColour: row.tags[0]?.colour ?? null };
}

/** The names of a passage's tags, for filtering and sorting the grid on them. */
const tagNamesSql = `(SELECT group_concat(t.name, ', ' ORDER BY x.id) FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = n.id)`;

/** What the annotations grid may filter and sort on. */
const annotationGridColumns: Record<string, PagedColumn> = {
  id: { sql: 'n.id', kind: 'number' },
  articleId: { sql: 'n.article_id', kind: 'number' },
  articleTitle: { sql: 'a.title', kind: 'text' },
  exact: { sql: 'n.exact', kind: 'text' },
  tagName: { sql: tagNamesSql, kind: 'text' },
  note: { sql: 'n.note', kind: 'text' },
  createdAt: { sql: 'n.created_at', kind: 'date' },
  updatedAt: { sql: 'n.updated_at', kind: 'date' },
  reviewReason: { sql: 'n.review_reason', kind: 'text' },
  start: { sql: 'n.start_offset', kind: 'number' },
};

/** The quick filter's columns, and the grid's default order: newest first. */
const gridOptions = { quickFilterColumns: ['exact', 'note', 'articleTitle', 'tagName'], order: { defaultSort: { sql: 'n.created_at', desc: true }, tieBreaker: 'n.id' } };

/** The WHERE conditions of a scope: one article's passages, one tag's, or the untagged ones. */
function scopeConditions({ articleId, tagId }: AnnotationScope): { sql: string; params: unknown[] }[] {
  return [
    ...(articleId === undefined ? [] : [{ sql: 'n.article_id = ?', params: [articleId] }]),
    ...(tagId === undefined
      ? []
      : tagId === null
        ? [{ sql: 'NOT EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_id = n.id)', params: [] }]
        : [{ sql: 'EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_id = n.id AND x.tag_id = ?)', params: [tagId] }]),
  ];
}

/** One block of the annotations grid (of one article or tag, or of all), newest first by default. */
export function queryAnnotations(db: Store, request: PageRequest & AnnotationScope): Page<AnnotationRow> {
  const { where, params, orderBy } = pageClauses(annotationGridColumns, request, { ...gridOptions, extraWhere: scopeConditions(request) });
  const rows = db.prepare(`${rowSelect} ${where} ${orderBy} LIMIT ? OFFSET ?`).all(...params, request.endRow - request.startRow, request.startRow) as RowRecord[];
  const total = request.withCount
    ? (db.prepare(`SELECT count(*) FROM annotations n JOIN articles a ON a.id = n.article_id ${where}`).pluck().get(...params) as number)
    : null;
  return { rows: rows.map(toRow), total };
}

/** How many articles the group-by panel lists at most (a library may have 100,000). */
const ARTICLE_GROUPS_SHOWN = 200;

/** Passages counted per tag (with the untagged ones last) or per article, under the grid's quick filter; largest first. */
export function annotationGroups(db: Store, by: 'tag' | 'article', quickFilter?: string): AnnotationGroups {
  const { where, params } = pageClauses(annotationGridColumns, { startRow: 0, endRow: 1, quickFilter }, gridOptions);
  const from = 'FROM annotations n JOIN articles a ON a.id = n.article_id';
  if (by === 'article') {
    const groups = db
      .prepare(`SELECT a.id, a.title AS name, NULL AS colour, count(*) AS count ${from} ${where} GROUP BY a.id ORDER BY count DESC, a.id LIMIT ?`)
      .all(...params, ARTICLE_GROUPS_SHOWN) as AnnotationGroup[];
    const articles = db.prepare(`SELECT count(DISTINCT n.article_id) ${from} ${where}`).pluck().get(...params) as number;
    return { groups, more: Math.max(0, articles - groups.length) };
  }
  const groups = db
    .prepare(`SELECT t.id, t.name, t.colour, count(*) AS count ${from} JOIN annotation_tags x ON x.annotation_id = n.id JOIN tags t ON t.id = x.tag_id ${where} GROUP BY t.id ORDER BY count DESC, t.name`)
    .all(...params) as AnnotationGroup[];
  const untaggedWhere = `${where ? `${where} AND` : 'WHERE'} NOT EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_id = n.id)`;
  const untagged = db.prepare(`SELECT count(*) ${from} ${untaggedWhere}`).pluck().get(...params) as number;
  return { groups: untagged ? [...groups, { id: null, name: '', colour: null, count: untagged }] : groups, more: 0 };
}

/** Annotations with their article and tag, of one article (in text order) or of all (newest first). */
export function listAnnotationRows(db: Store, articleId?: number): AnnotationRow[] {
  const select = rowSelect;
  const rows = (
    articleId === undefined
      ? db.prepare(`${select} ORDER BY n.created_at DESC, n.id DESC`).all()
      : db.prepare(`${select} WHERE n.article_id = ? ORDER BY n.start_offset, n.end_offset`).all(articleId)
  ) as RowRecord[];
  return rows.map(toRow);
}

/** One annotation, or undefined. */
export function findAnnotation(db: Store, id: number): Annotation | undefined {
  const row = statement(db, `SELECT ${annotationColumns} FROM annotations n WHERE n.id = ?`).get(id) as AnnotationRecord | undefined;
  return row && asAnnotation(parseRecord(row));
}

/** The annotation on exactly this passage, if there is one (the oldest, where an older store kept several). */
export function findAnnotationAt(db: Store, articleId: number, start: number, end: number): Annotation | undefined {
  const id = statement(db, 'SELECT id FROM annotations WHERE article_id = ? AND start_offset = ? AND end_offset = ? ORDER BY id LIMIT 1')
    .pluck()
    .get(articleId, start, end) as number | undefined;
  return id === undefined ? undefined : findAnnotation(db, id);
}

/**
 * Writes an annotation's row (not its tags), as changing it or re-anchoring it does. An upsert,
 * not INSERT OR REPLACE: a replace deletes the row first, which would fire no delete trigger
 * and so miscount the article's annotations.
 */
export function writeAnnotation(db: Store, annotation: Omit<Annotation, 'tagId' | 'tagIds'>): void {
  const { id, articleId, start, end, exact, prefix, suffix, note, createdAt, updatedAt, reviewReason, reviewCandidates } = annotation;
  statement(
    db,
    `INSERT INTO annotations
       (id, article_id, start_offset, end_offset, exact, prefix, suffix, note, created_at, updated_at, review_reason, review_candidates)
     VALUES (@id, @articleId, @start, @end, @exact, @prefix, @suffix, @note, @createdAt, @updatedAt, @reviewReason, @reviewCandidates)
     ON CONFLICT (id) DO UPDATE SET
       start_offset = excluded.start_offset, end_offset = excluded.end_offset, exact = excluded.exact,
       prefix = excluded.prefix, suffix = excluded.suffix, note = excluded.note,
       updated_at = excluded.updated_at, review_reason = excluded.review_reason, review_candidates = excluded.review_candidates`,
  ).run({ id, articleId, start, end, exact, prefix, suffix, note, createdAt, updatedAt, reviewReason, reviewCandidates: reviewCandidates ? JSON.stringify(reviewCandidates) : null });
}

/** Gives a passage exactly these tags, in this order: tags it keeps keep their place, new ones come after. */
function setAnnotationTags(db: Store, annotationId: number, tagIds: readonly number[]): void {
  const current = statement(db, 'SELECT tag_id FROM annotation_tags WHERE annotation_id = ?').pluck().all(annotationId) as number[];
  const remove = statement(db, 'DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?');
  for (const tagId of current) if (!tagIds.includes(tagId)) remove.run(annotationId, tagId);
  const add = statement(db, 'INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
  for (const tagId of new Set(tagIds)) if (!current.includes(tagId)) add.run(annotationId, tagId);
}

/** Stores a new annotation with its tags and returns it (the caller's unit of work records it as a step). */
export function insertAnnotation(db: Store, { tagIds, ...annotation }: NewAnnotation, now: string): Annotation {
  const id = Number(
    statement(
      db,
      `INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, note, created_at, updated_at)
       VALUES (@articleId, @start, @end, @exact, @prefix, @suffix, @note, @now, @now)`,
    ).run({ ...annotation, now }).lastInsertRowid,
  );
  setAnnotationTags(db, id, tagIds);
  return findAnnotation(db, id)!;
}

/** Changes an annotation (tags, note, place) and returns it; undefined if there is none. */
export function changeAnnotation(db: Store, id: number, { tagIds, ...change }: AnnotationChange, now: string): Annotation | undefined {
  const before = findAnnotation(db, id);
  if (!before) return undefined;
  writeAnnotation(db, { ...before, ...change, updatedAt: now });
  if (tagIds) setAnnotationTags(db, id, tagIds);
  return findAnnotation(db, id);
}

/** Deletes annotation `id` (its tags go with it); returns whether it existed. */
export function deleteAnnotation(db: Store, id: number): boolean {
  return statement(db, 'DELETE FROM annotations WHERE id = ?').run(id).changes > 0;
}
