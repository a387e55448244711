/**
 * Migration 3: annotations that lost their place wait for review (with the candidates found),
 * and every annotation action is kept in a history that undo and redo walk, across restarts.
 */
export const sql = `
ALTER TABLE annotations ADD COLUMN review_reason TEXT CHECK (review_reason IN ('ambiguous', 'unmatched'));
ALTER TABLE annotations ADD COLUMN review_candidates TEXT;

CREATE TABLE annotation_history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'edit', 'delete')),
  annotation_id INTEGER NOT NULL,
  -- The annotation's row as JSON before and after the action (NULL before a create, after a delete).
  before TEXT,
  after TEXT,
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'discarded'))
) STRICT;
CREATE INDEX annotation_history_by_state ON annotation_history (state, id);
`;
