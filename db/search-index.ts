/**
 * Keeps the full-text index and the near-duplicate bands in step with the articles table.
 * Both are derived data: {@link reindexAllArticles} rebuilds them from the stored text.
 */
import type Database from 'better-sqlite3';
import { bandKeys, minhashSignature, NEAR_DUPLICATE_THRESHOLD, signatureFromBlob, signatureSimilarity, signatureToBlob } from './near-duplicates';
import { indexText, searchKey, tokenize } from './search-text';
import { statement } from './statements';

/** What indexing found out about an article's text. */
export interface IndexedText {
  titleKeys: string;
  bodyKeys: string;
  signature: Uint32Array | null;
}

/** Computes the index keys and the MinHash signature of an article (pure; no database). */
export function analyseText(title: string, body: string): IndexedText {
  const keys = tokenize(body).map((t) => searchKey(t.text));
  return { titleKeys: indexText(title), bodyKeys: keys.join(' '), signature: minhashSignature(keys) };
}

/** The most similar earlier article above the near-duplicate threshold, if any. */
export function findNearDuplicate(
  db: Database.Database,
  signature: Uint32Array | null,
  excludeId = 0,
): { id: number; title: string; similarity: number } | undefined {
  if (!signature) return undefined;
  const candidates = new Set<number>();
  const byBand = statement(db, 'SELECT article_id FROM article_minhash_bands WHERE band_key = ?').pluck();
  for (const key of bandKeys(signature)) for (const id of byBand.all(key) as number[]) if (id !== excludeId) candidates.add(id);
  let best: { id: number; title: string; similarity: number } | undefined;
  const load = statement(db, 'SELECT title, minhash FROM articles WHERE id = ?');
  for (const id of candidates) {
    const row = load.get(id) as { title: string; minhash: Buffer | null } | undefined;
    if (!row?.minhash) continue;
    const similarity = signatureSimilarity(signature, signatureFromBlob(row.minhash));
    if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!best || similarity > best.similarity)) best = { id, title: row.title, similarity };
  }
  return best;
}

/** Writes an article's search keys and bands (the article row must exist). */
export function indexArticle(db: Database.Database, id: number, indexed: IndexedText): void {
  statement(db, 'INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)').run(id, indexed.titleKeys, indexed.bodyKeys);
  if (!indexed.signature) return;
  statement(db, 'UPDATE articles SET minhash = ? WHERE id = ?').run(signatureToBlob(indexed.signature), id);
  const band = statement(db, 'INSERT OR IGNORE INTO article_minhash_bands (band_key, article_id) VALUES (?, ?)');
  for (const key of bandKeys(indexed.signature)) band.run(key, id);
}

/** Removes an article from the search index and the bands. */
export function unindexArticle(db: Database.Database, id: number): void {
  statement(db, 'DELETE FROM article_search WHERE rowid = ?').run(id);
  statement(db, 'DELETE FROM article_minhash_bands WHERE article_id = ?').run(id);
}

/** Rebuilds the index and bands of every article from its stored title and body. */
export function reindexAllArticles(db: Database.Database): void {
  const rows = db.prepare('SELECT id, title, body FROM articles ORDER BY id').all() as { id: number; title: string; body: string }[];
  for (const row of rows) {
    unindexArticle(db, row.id);
    indexArticle(db, row.id, analyseText(row.title, row.body));
  }
}
