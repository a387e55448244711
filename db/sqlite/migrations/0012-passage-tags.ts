/**
 * Migration 12: a passage carries several tags, as a segment carries several codes in every QDA
 * tool. The tags move from annotations.tag_id to annotation_tags, one row per passage and tag, in
 * the order they were applied. The annotations table is rebuilt without tag_id (SQLite cannot drop
 * a column that a foreign key uses), and its triggers are made again as versions 6, 9 and 11 made
 * them, less tag_id; annotation_tags gets the same history and who-and-when triggers.
 *
 * History steps recorded before this version that changed annotations describe them with a tag_id
 * column that no longer exists: undoing one could no longer bring back its tags, so those steps are
 * marked discarded (they stay in the history list) rather than undone half right.
 */

import { historyTriggers, whoTriggers } from './triggers';

const ANNOTATION_COLUMNS = [
  'id', 'article_id', 'start_offset', 'end_offset', 'exact', 'prefix', 'suffix', 'note',
  'created_at', 'updated_at', 'review_reason', 'review_candidates',
];
const LINK_COLUMNS = ['id', 'annotation_id', 'tag_id'];

const actor = '(SELECT actor FROM history_recording)';
const at = '(SELECT at FROM history_recording)';

export const sql = `
UPDATE history_steps SET state = 'discarded'
  WHERE state <> 'discarded' AND id IN (SELECT step_id FROM history_changes WHERE table_name = 'annotations');

CREATE TABLE annotations_rebuilt (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  review_reason TEXT CHECK (review_reason IN ('ambiguous', 'unmatched')),
  review_candidates TEXT,
  created_by TEXT,
  changed_by TEXT,
  changed_at TEXT,
  CHECK (start_offset >= 0 AND end_offset > start_offset)
) STRICT;
INSERT INTO annotations_rebuilt (${ANNOTATION_COLUMNS.join(', ')}, created_by, changed_by, changed_at)
  SELECT ${ANNOTATION_COLUMNS.join(', ')}, created_by, changed_by, changed_at FROM annotations;
-- Keeps AUTOINCREMENT's high-water mark, so no deleted annotation's id is given again.
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'annotations') WHERE name = 'annotations_rebuilt';

CREATE TABLE annotation_tags (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_by TEXT,
  created_at TEXT,
  UNIQUE (annotation_id, tag_id)
) STRICT;
INSERT INTO annotation_tags (annotation_id, tag_id, created_by, created_at)
  SELECT id, tag_id, created_by, created_at FROM annotations WHERE tag_id IS NOT NULL ORDER BY id;
CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag_id, annotation_id);

DROP TABLE annotations;
ALTER TABLE annotations_rebuilt RENAME TO annotations;

CREATE INDEX annotations_by_article ON annotations (article_id, start_offset);
CREATE INDEX annotations_by_created_at ON annotations (created_at);

CREATE TRIGGER annotations_count_on_insert AFTER INSERT ON annotations BEGIN
  UPDATE articles SET annotation_count = annotation_count + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER annotations_count_on_delete AFTER DELETE ON annotations BEGIN
  UPDATE articles SET annotation_count = annotation_count - 1 WHERE id = OLD.article_id;
END;
${historyTriggers('annotations', ANNOTATION_COLUMNS)}
${historyTriggers('annotation_tags', LINK_COLUMNS)}
${whoTriggers('annotations', ['start_offset', 'end_offset', 'exact', 'note', 'review_reason'])}
-- Tagging or untagging a passage changes the passage, as far as who-and-when goes.
CREATE TRIGGER annotation_tags_who_insert AFTER INSERT ON annotation_tags WHEN ${actor} IS NOT NULL BEGIN
  UPDATE annotation_tags SET created_by = ${actor}, created_at = ${at} WHERE id = NEW.id;
  UPDATE annotations SET changed_by = ${actor}, changed_at = ${at} WHERE id = NEW.annotation_id;
END;
CREATE TRIGGER annotation_tags_who_delete AFTER DELETE ON annotation_tags WHEN ${actor} IS NOT NULL BEGIN
  UPDATE annotations SET changed_by = ${actor}, changed_at = ${at} WHERE id = OLD.annotation_id;
END;
`;
