/**
 * Migration 2: Arabic-aware full-text search, more article metadata, near-duplicate detection
 * and the analyst's table of spelling variants.
 */
import type Database from 'better-sqlite3';
import { analyseText } from '../../text/analyser';
import { indexArticle, signatureColumn } from '../search-index';
import { addVariantGroup } from '../spelling-variants';

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
`;

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

/** Indexes the articles already stored (as the schema stood at version 2) and seeds the shipped spelling variants. */
export function up(db: Database.Database): void {
  const rows = db.prepare('SELECT id, title, body FROM articles ORDER BY id').all() as { id: number; title: string; body: string }[];
  const storeSignature = db.prepare('UPDATE articles SET minhash = ? WHERE id = ?');
  for (const row of rows) {
    const indexed = analyseText(row.title, row.body);
    indexArticle(db, row.id, indexed);
    storeSignature.run(signatureColumn(indexed), row.id);
  }
  for (const group of SHIPPED_VARIANTS) addVariantGroup(db, group);
}
