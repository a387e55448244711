/**
 * Migration 6: ids that are never reused, and counters the paged grids sort on.
 *
 * - Every table a person's records live in is rebuilt with AUTOINCREMENT (SQLite's 12-step
 *   procedure; the runner turns foreign keys off around it and checks them before committing):
 *   a plain INTEGER PRIMARY KEY gives a deleted row's id to the next insert, so history entries
 *   and exported W3C ids could name two different annotations.
 * - The text moves out of the articles row into article_texts (with its MinHash signature): the
 *   library grid scans, sorts and filters article rows, and with 3 KB of text in each, skipping
 *   to row 40,000 read 160 MB; without it, a row is a few hundred bytes.
 * - articles.annotation_count and articles.body_length, so the library can sort and filter on them
 *   with an index instead of counting for every row of 100,000. Triggers keep them when
 *   annotations come and go and when a text changes; a new article is stored with its length.
 * - Indexes for the grids' sorts and for the W3C import's lookup by URL.
 */
const rebuilt = (table: string, columns: string, definition: string) => `
CREATE TABLE ${table}_v6 (${definition}) STRICT;
INSERT INTO ${table}_v6 (${columns}) SELECT ${columns} FROM ${table};
DROP TABLE ${table};
ALTER TABLE ${table}_v6 RENAME TO ${table};`;

export const sql = `
CREATE TABLE article_texts (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  minhash BLOB
) STRICT;
INSERT INTO article_texts (article_id, body, minhash) SELECT id, body, minhash FROM articles;
${rebuilt(
  'articles',
  'id, title, outlet, url, published, language, direction, content_hash, source_name, imported_at, author, source_format, source_encoding, near_duplicate_of, near_duplicate_similarity',
  `
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  outlet TEXT,
  url TEXT,
  published TEXT,
  language TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('rtl', 'ltr')),
  content_hash TEXT NOT NULL,
  source_name TEXT,
  imported_at TEXT NOT NULL,
  author TEXT,
  source_format TEXT,
  source_encoding TEXT,
  near_duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL,
  near_duplicate_similarity REAL,
  annotation_count INTEGER NOT NULL DEFAULT 0,
  body_length INTEGER NOT NULL DEFAULT 0`,
)}
CREATE INDEX articles_by_content_hash ON articles (content_hash);
CREATE INDEX articles_by_published ON articles (published);
CREATE INDEX articles_by_outlet ON articles (outlet);
CREATE INDEX articles_by_title ON articles (title);
CREATE INDEX articles_by_imported_at ON articles (imported_at);
CREATE INDEX articles_by_url ON articles (url);
CREATE INDEX articles_by_annotation_count ON articles (annotation_count);
CREATE INDEX articles_by_body_length ON articles (body_length);
CREATE INDEX articles_by_language ON articles (language);
${rebuilt(
  'tags',
  'id, name, colour, parent_id, description, shortcut, guid',
  `
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  colour TEXT NOT NULL,
  parent_id INTEGER REFERENCES tags (id) ON DELETE SET NULL,
  description TEXT,
  shortcut TEXT,
  guid TEXT`,
)}
CREATE UNIQUE INDEX tags_by_guid ON tags (guid);
CREATE UNIQUE INDEX tags_by_shortcut ON tags (shortcut) WHERE shortcut IS NOT NULL;
CREATE INDEX tags_by_parent ON tags (parent_id);
${rebuilt(
  'annotations',
  'id, article_id, start_offset, end_offset, exact, prefix, suffix, tag_id, note, created_at, updated_at, review_reason, review_candidates',
  `
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  review_reason TEXT CHECK (review_reason IN ('ambiguous', 'unmatched')),
  review_candidates TEXT,
  CHECK (start_offset >= 0 AND end_offset > start_offset)`,
)}
CREATE INDEX annotations_by_article ON annotations (article_id, start_offset);
CREATE INDEX annotations_by_tag ON annotations (tag_id);
CREATE INDEX annotations_by_created_at ON annotations (created_at);
${rebuilt(
  'spelling_variants',
  'id, group_id, term, term_key',
  `
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_id INTEGER NOT NULL,
  term TEXT NOT NULL,
  term_key TEXT NOT NULL,
  UNIQUE (group_id, term)`,
)}
CREATE INDEX spelling_variants_by_key ON spelling_variants (term_key);
${rebuilt(
  'entities',
  'id, kind, name, created_at',
  `
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'place', 'other')),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (kind, name)`,
)}
${rebuilt(
  'entity_aliases',
  'id, entity_id, alias, alias_keys',
  `
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  alias_keys TEXT NOT NULL,
  UNIQUE (entity_id, alias_keys)`,
)}
${rebuilt(
  'entity_mentions',
  'id, entity_id, article_id, start_offset, end_offset, exact, prefix, suffix, status, created_at',
  `
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected')),
  created_at TEXT NOT NULL,
  UNIQUE (entity_id, article_id, start_offset, end_offset)`,
)}
CREATE INDEX entity_mentions_by_article ON entity_mentions (article_id, status);
CREATE INDEX entity_mentions_by_entity ON entity_mentions (entity_id, status);

UPDATE articles SET
  body_length = (SELECT length(body) FROM article_texts x WHERE x.article_id = articles.id),
  annotation_count = (SELECT count(*) FROM annotations n WHERE n.article_id = articles.id);

CREATE TRIGGER article_texts_length_on_update AFTER UPDATE OF body ON article_texts BEGIN
  UPDATE articles SET body_length = length(NEW.body) WHERE id = NEW.article_id;
END;
CREATE TRIGGER annotations_count_on_insert AFTER INSERT ON annotations BEGIN
  UPDATE articles SET annotation_count = annotation_count + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER annotations_count_on_delete AFTER DELETE ON annotations BEGIN
  UPDATE articles SET annotation_count = annotation_count - 1 WHERE id = OLD.article_id;
END;
`;
