/**
 * Migration 5: entities (people, organisations, places, other) with aliases in any script, and
 * their mentions in articles, suggested by alias matching and accepted or rejected by the
 * analyst. Mention reviews join the undo history, which now says what each entry is about.
 */
export const sql = `
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'other')),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (kind, name)
) STRICT;

CREATE TABLE entity_aliases (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  -- The alias's words as search keys (folded, clitics stripped), space separated.
  alias_keys TEXT NOT NULL,
  UNIQUE (entity_id, alias_keys)
) STRICT;

CREATE TABLE entity_mentions (
  id INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
  created_at TEXT NOT NULL,
  UNIQUE (entity_id, article_id, start_offset, end_offset)
) STRICT;
CREATE INDEX entity_mentions_by_article ON entity_mentions (article_id, status);
CREATE INDEX entity_mentions_by_entity ON entity_mentions (entity_id, status);

ALTER TABLE annotation_history ADD COLUMN subject TEXT NOT NULL DEFAULT 'annotation' CHECK (subject IN ('annotation', 'mention'));
`;
