/**
 * Keeps the full-text index in step with the articles table, and finds near-duplicates.
 * The index is derived data, rebuilt from the stored text when the analyser changes.
 *
 * Near-duplicate lookup uses MinHash LSH. Each article's signature is stored beside its text
 * (article_texts.minhash), so the index survives restarts; the band index is derived from the
 * stored signatures in memory, built on first use and caught up by id before every lookup (so
 * articles another process imported are seen too), and a replaced text replaces its signature
 * there as well. Keeping the bands out of SQLite matters: their keys are random, and writing them
 * would dirty a dozen scattered pages per imported article.
 */
import type Database from 'better-sqlite3';
import { ANALYSER_VERSION, analyseText, type IndexedText } from '../text/analyser';
import { bandKeys, NEAR_DUPLICATE_THRESHOLD, signatureFromBlob, signatureSimilarity, signatureToBlob } from '../text/near-duplicates';
import { statement } from './statements';

/** The analyser version the store's index was built with. */
export function indexedAnalyserVersion(db: Database.Database): number {
  return Number(statement(db, "SELECT value FROM meta WHERE key = 'analyser_version'").pluck().get() ?? 0);
}

/** Records that the whole index is now built with this Sanad's analyser. */
export function markIndexCurrent(db: Database.Database): void {
  statement(db, "INSERT INTO meta (key, value) VALUES ('analyser_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(ANALYSER_VERSION));
}

/** Re-analyses one stored article: its search keys and its near-duplicate signature. */
export function reindexArticle(db: Database.Database, articleId: number): void {
  const row = statement(db, 'SELECT a.title, x.body FROM articles a JOIN article_texts x ON x.article_id = a.id WHERE a.id = ?').get(articleId) as
    | { title: string; body: string }
    | undefined;
  if (!row) return;
  const indexed = analyseText(row.title, row.body);
  unindexArticle(db, articleId);
  indexArticle(db, articleId, indexed);
  statement(db, 'UPDATE article_texts SET minhash = ? WHERE article_id = ?').run(signatureColumn(indexed), articleId);
  replaceSignature(db, articleId, indexed.signature);
}

/** The in-memory LSH index of one connection: band key → ids of articles in that bucket. */
interface BandIndex {
  buckets: Map<number, number[]>;
  signatures: Map<number, Uint32Array>;
  lastId: number;
}

const bandIndexes = new WeakMap<Database.Database, BandIndex>();

/** The connection's band index, brought up to date with articles stored since it last looked. */
function bandIndex(db: Database.Database): BandIndex {
  let index = bandIndexes.get(db);
  if (!index) bandIndexes.set(db, (index = { buckets: new Map(), signatures: new Map(), lastId: 0 }));
  const rows = statement(db, 'SELECT article_id AS id, minhash FROM article_texts WHERE article_id > ? ORDER BY article_id').all(index.lastId) as { id: number; minhash: Buffer | null }[];
  for (const row of rows) {
    if (row.minhash) addToBandIndex(index, row.id, signatureFromBlob(row.minhash));
    index.lastId = row.id;
  }
  return index;
}

/**
 * Puts a replaced text's signature in place of the old one in this connection's band index, so a
 * later lookup neither matches the old text nor misses the new one.
 */
export function replaceSignature(db: Database.Database, id: number, signature: Uint32Array | null): void {
  const index = bandIndexes.get(db);
  if (!index) return;
  const old = index.signatures.get(id);
  if (old) {
    index.signatures.delete(id);
    for (const key of bandKeys(old)) {
      const bucket = index.buckets.get(key)?.filter((other) => other !== id);
      if (bucket?.length) index.buckets.set(key, bucket);
      else index.buckets.delete(key);
    }
  }
  if (signature && id <= index.lastId) addToBandIndex(index, id, signature);
}

function addToBandIndex(index: BandIndex, id: number, signature: Uint32Array): void {
  index.signatures.set(id, signature);
  for (const key of bandKeys(signature)) {
    const bucket = index.buckets.get(key);
    if (bucket) bucket.push(id);
    else index.buckets.set(key, [id]);
  }
}

/** The most similar stored article above the near-duplicate threshold, if any. */
export function findNearDuplicate(db: Database.Database, signature: Uint32Array | null): { id: number; title: string; similarity: number } | undefined {
  if (!signature) return undefined;
  const index = bandIndex(db);
  let best: { id: number; similarity: number } | undefined;
  const seen = new Set<number>();
  for (const key of bandKeys(signature)) {
    for (const id of index.buckets.get(key) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      const similarity = signatureSimilarity(signature, index.signatures.get(id)!);
      if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!best || similarity > best.similarity)) best = { id, similarity };
    }
  }
  if (!best) return undefined;
  const title = statement(db, 'SELECT title FROM articles WHERE id = ?').pluck().get(best.id) as string | undefined;
  // The article may have been deleted since the index saw it.
  return title === undefined ? undefined : { ...best, title };
}

/** The signature as stored in the article's row. */
export function signatureColumn(indexed: IndexedText): Buffer | null {
  return indexed.signature ? signatureToBlob(indexed.signature) : null;
}

/** Writes an article's search keys (the article row must exist). */
export function indexArticle(db: Database.Database, id: number, indexed: IndexedText): void {
  statement(db, 'INSERT INTO article_search (rowid, title, body) VALUES (?, ?, ?)').run(id, indexed.titleKeys, indexed.bodyKeys);
}

/** Removes an article from the search index. */
export function unindexArticle(db: Database.Database, id: number): void {
  statement(db, 'DELETE FROM article_search WHERE rowid = ?').run(id);
}
