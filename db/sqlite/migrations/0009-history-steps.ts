/**
 * Migration 9: one history for every change a person can undo.
 *
 * A step (history_steps) is one action as the analyst sees it: tagging a passage, merging two
 * tags, accepting 40 mentions, editing a text with the re-anchoring it caused. While a step is
 * being recorded, history_recording names it, and triggers on every table that holds the
 * analyst's work write each changed row, before and after, into history_changes, cascades and
 * all. Undo and redo restore rows from there, after checking that each row is still as the step
 * left it. Counters the store keeps itself (annotation_count, body_length) and signatures it
 * derives (minhash) are not recorded: they follow from the rest.
 *
 * The old annotation_history is carried over, one step per entry.
 */

/** Tracked tables: key column and the columns recorded (frozen here, as the schema stands at version 9). */
const TRACKED: Record<string, { key: string; columns: string[] }> = {
  articles: {
    key: 'id',
    columns: ['id', 'title', 'outlet', 'url', 'published', 'language', 'direction', 'content_hash', 'source_name', 'imported_at', 'author', 'source_format', 'source_encoding', 'near_duplicate_of', 'near_duplicate_similarity'],
  },
  article_texts: { key: 'article_id', columns: ['article_id', 'body'] },
  tags: { key: 'id', columns: ['id', 'name', 'colour', 'parent_id', 'description', 'shortcut', 'guid'] },
  annotations: {
    key: 'id',
    columns: ['id', 'article_id', 'start_offset', 'end_offset', 'exact', 'prefix', 'suffix', 'tag_id', 'note', 'created_at', 'updated_at', 'review_reason', 'review_candidates'],
  },
  spelling_variants: { key: 'id', columns: ['id', 'group_id', 'term', 'term_key'] },
  entities: { key: 'id', columns: ['id', 'kind', 'name', 'created_at'] },
  entity_aliases: { key: 'id', columns: ['id', 'entity_id', 'alias', 'alias_keys'] },
  entity_mentions: {
    key: 'id',
    columns: ['id', 'entity_id', 'article_id', 'start_offset', 'end_offset', 'exact', 'prefix', 'suffix', 'status', 'created_at', 'review_reason'],
  },
};

const recording = '(SELECT step_id FROM history_recording)';

function triggers(table: string, { key, columns }: { key: string; columns: string[] }): string {
  const row = (alias: 'OLD' | 'NEW') => `json_object(${columns.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;
  const changed = columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  const log = (rowId: string, before: string, after: string) =>
    `INSERT INTO history_changes (step_id, table_name, row_id, before, after) VALUES (${recording}, '${table}', ${rowId}, ${before}, ${after});`;
  return `
CREATE TRIGGER ${table}_history_insert AFTER INSERT ON ${table} WHEN ${recording} IS NOT NULL BEGIN
  ${log(`NEW.${key}`, 'NULL', row('NEW'))}
END;
CREATE TRIGGER ${table}_history_update AFTER UPDATE ON ${table} WHEN ${recording} IS NOT NULL AND (${changed}) BEGIN
  ${log(`NEW.${key}`, row('OLD'), row('NEW'))}
END;
CREATE TRIGGER ${table}_history_delete AFTER DELETE ON ${table} WHEN ${recording} IS NOT NULL BEGIN
  ${log(`OLD.${key}`, row('OLD'), 'NULL')}
END;`;
}

/** The old history's camelCase annotation snapshot as an annotations row. */
const annotationRow = (snapshot: string) => `CASE WHEN ${snapshot} IS NULL THEN NULL ELSE json_object(
  'id', json_extract(${snapshot}, '$.id'), 'article_id', json_extract(${snapshot}, '$.articleId'),
  'start_offset', json_extract(${snapshot}, '$.start'), 'end_offset', json_extract(${snapshot}, '$.end'),
  'exact', json_extract(${snapshot}, '$.exact'), 'prefix', json_extract(${snapshot}, '$.prefix'), 'suffix', json_extract(${snapshot}, '$.suffix'),
  'tag_id', json_extract(${snapshot}, '$.tagId'), 'note', json_extract(${snapshot}, '$.note'),
  'created_at', json_extract(${snapshot}, '$.createdAt'), 'updated_at', json_extract(${snapshot}, '$.updatedAt'),
  'review_reason', json_extract(${snapshot}, '$.reviewReason'), 'review_candidates', json_extract(${snapshot}, '$.reviewCandidates') || '') END`;

export const sql = `
CREATE TABLE history_steps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  -- Who acted, and from which window: undo takes back the caller's own last step.
  actor TEXT NOT NULL,
  client TEXT NOT NULL,
  -- What was done ('annotation.create', 'tag.merge', 'text.edit', 'mention.review', …).
  kind TEXT NOT NULL,
  -- To what: the row it is about, the article it happened in, a quote or name, and details (JSON).
  subject_id INTEGER,
  article_id INTEGER,
  article_title TEXT,
  quote TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded'))
) STRICT;
CREATE INDEX history_steps_by_client ON history_steps (client, state, id);

CREATE TABLE history_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  step_id INTEGER NOT NULL REFERENCES history_steps (id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  before TEXT,
  after TEXT
) STRICT;
CREATE INDEX history_changes_by_step ON history_changes (step_id, id);
CREATE INDEX history_changes_by_row ON history_changes (table_name, row_id, step_id);

-- The step being recorded, if any: one row, set and cleared by the code that records a step.
CREATE TABLE history_recording (only INTEGER PRIMARY KEY CHECK (only = 1), step_id INTEGER) STRICT;
INSERT INTO history_recording (only, step_id) VALUES (1, NULL);

${Object.entries(TRACKED)
  .map(([table, spec]) => triggers(table, spec))
  .join('\n')}

INSERT INTO history_steps (id, at, actor, client, kind, subject_id, article_id, article_title, quote, state)
  SELECT h.id, h.at, 'local', 'local',
         CASE WHEN h.subject = 'mention' THEN 'mention.review' ELSE 'annotation.' || h.action END,
         h.annotation_id,
         json_extract(coalesce(h.after, h.before), '$.articleId'),
         (SELECT title FROM articles a WHERE a.id = json_extract(coalesce(h.after, h.before), '$.articleId')),
         coalesce(json_extract(coalesce(h.after, h.before), '$.exact'), ''),
         h.state
  FROM annotation_history h ORDER BY h.id;
INSERT INTO history_changes (step_id, table_name, row_id, before, after)
  SELECT h.id,
         CASE WHEN h.subject = 'mention' THEN 'entity_mentions' ELSE 'annotations' END,
         h.annotation_id,
         CASE WHEN h.subject = 'mention' THEN json_object('id', h.annotation_id, 'status', json_extract(h.before, '$.status')) ELSE ${annotationRow('h.before')} END,
         CASE WHEN h.subject = 'mention' THEN json_object('id', h.annotation_id, 'status', json_extract(h.after, '$.status')) ELSE ${annotationRow('h.after')} END
  FROM annotation_history h ORDER BY h.id;
DROP TABLE annotation_history;
`;
