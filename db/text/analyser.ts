/**
 * The text analyser behind search and near-duplicate detection: an article's words as search
 * keys (folded, clitics and suffixes stripped) and its MinHash signature. Pure: import workers
 * run it off the thread that writes, and any store implementation indexes with it.
 */
import { minhashSignature } from './near-duplicates';
import { indexText, searchKey, words } from './search-text';

/**
 * The version of the analysis below (and of search-text.ts, which it uses). Change it whenever
 * a change there would give an article different keys: stores indexed by another version are
 * then re-indexed in the background (see the 'reindex' job).
 */
export const ANALYSER_VERSION = 1;

/** What indexing found out about an article's text. */
export interface IndexedText {
  titleKeys: string;
  bodyKeys: string;
  signature: Uint32Array | null;
}

/** Computes the index keys and the MinHash signature of an article (pure; no database). */
export function analyseText(title: string, body: string): IndexedText {
  const keys = words(body).map(searchKey);
  return { titleKeys: indexText(title), bodyKeys: keys.join(' '), signature: minhashSignature(keys) };
}
