/** Migration 1: the first tables — articles, the codebook's tags, and annotations on articles. */
export const sql = `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  outlet TEXT,
  url TEXT,
  published TEXT,
  language TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('rtl', 'ltr')),
  body TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  source_name TEXT,
  imported_at TEXT NOT NULL
) STRICT;
CREATE INDEX articles_by_content_hash ON articles (content_hash);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  colour TEXT NOT NULL
) STRICT;

CREATE TABLE annotations (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  tag_id INTEGER REFERENCES tags (id) ON DELETE SET NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (start_offset >= 0 AND end_offset > start_offset)
) STRICT;
CREATE INDEX annotations_by_article ON annotations (article_id, start_offset);
CREATE INDEX annotations_by_tag ON annotations (tag_id);

-- A starter codebook so a first-time analyst can tag straight away; every tag can be renamed.
INSERT INTO tags (name, colour) VALUES
  ('Claim', '#f2c14e'),
  ('Source', '#7ec4cf'),
  ('Date', '#b5d99c'),
  ('Place', '#f4a6a6'),
  ('Number', '#c9b6e4');
`;
