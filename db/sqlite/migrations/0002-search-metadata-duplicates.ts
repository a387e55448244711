/**
 * Migration 2: Arabic-aware full-text search, more article metadata, near-duplicate detection
 * and the analyst's table of spelling variants, seeded with the shipped ones.
 *
 * Frozen: it calls no code that may change. The search keys (of articles and of variants) are the
 * analyser's output, so they are built by the analyser of the Sanad that opens the store: the
 * variants' keys when the store is opened, the articles' index by the re-index job (migration 10
 * records that no analyser has built them yet).
 */

/** Spelling variants shipped with Sanad: regional spellings and transliterations met in the news. */
const SHIPPED_VARIANTS = [
  ['أمريكي', 'أميركي'],
  ['أمريكا', 'أميركا'],
  ['إسرائيل', 'اسرائيل', 'Israel'],
  ['ترامب', 'ترمب', 'Trump'],
  ['واشنطن', 'واشنطون', 'Washington'],
  ['كردستان', 'كوردستان', 'Kurdistan'],
  ['أربيل', 'هولير', 'Erbil', 'Arbil'],
  ['الموصل', 'Mosul'],
  ['رويترز', 'Reuters'],
  ['بغداد', 'Baghdad'],
  ['داعش', 'ISIS', 'ISIL'],
  ['إيران', 'Iran'],
  ['سوريا', 'سورية', 'Syria'],
];

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

export const sql = `
ALTER TABLE articles ADD COLUMN author TEXT;
ALTER TABLE articles ADD COLUMN source_format TEXT;
ALTER TABLE articles ADD COLUMN source_encoding TEXT;
ALTER TABLE articles ADD COLUMN near_duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN near_duplicate_similarity REAL;
ALTER TABLE articles ADD COLUMN minhash BLOB;
CREATE INDEX articles_by_published ON articles (published);
CREATE INDEX articles_by_outlet ON articles (outlet);

-- Holds search keys (folded, stemmed words), not the text: the text stays in articles.body.
CREATE VIRTUAL TABLE article_search USING fts5 (
  title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

-- Document frequency of every key: lets a search estimate how many articles it will match.
CREATE VIRTUAL TABLE article_search_vocab USING fts5vocab (article_search, 'row');

-- Words the analyst treats as one: a query for any of a group finds them all.
CREATE TABLE spelling_variants (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL,
  term TEXT NOT NULL,
  term_key TEXT NOT NULL,
  UNIQUE (group_id, term)
) STRICT;
CREATE INDEX spelling_variants_by_key ON spelling_variants (term_key);

INSERT INTO spelling_variants (group_id, term, term_key) VALUES
${SHIPPED_VARIANTS.flatMap((group, i) => group.map((term) => `(${i + 1}, ${quoted(term)}, '')`)).join(',\n')};
`;
