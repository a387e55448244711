/**
 * The text analyser behind search and near-duplicate detection: an article's words as search
 * keys (folded, clitics and suffixes stripped) and its MinHash signature. Pure: import workers
 * run it off the thread that writes, and any store implementation indexes with it.
 */
import { monthsIn } from './months';
import { minhashSignature } from './near-duplicates';
import { analyseWords, monthTerm, words } from './search-text';

/**
 * The version of the analysis below (and of search-text.ts and months.ts, which it uses). Change
 * it whenever a change there would give an article different index terms: stores indexed by
 * another version are then re-indexed in the background (see the 'reindex' job).
 *
 * 2: letter forms for prefix search, and one term for every name of a month.
 */
export const ANALYSER_VERSION = 2;

/** What indexing found out about an article's text. */
export interface IndexedText {
  titleKeys: string;
  bodyKeys: string;
  signature: Uint32Array | null;
}

/**
 * What the full-text index holds for one field: each word's key, in order (phrases match on
 * them), then, once each, the terms that are not a word's key: its letter forms (for prefix
 * search, see search-text.ts) and the month its words name, however they name it (سبتمبر,
 * أيلول, شتنبر → one term). Returns the keys too, for the signature.
 */
function indexField(fieldWords: readonly string[]): { text: string; keys: string[] } {
  const { keys, letterTerms: extra } = analyseWords(fieldWords);
  for (const { month } of monthsIn(fieldWords, keys)) extra.add(monthTerm(month));
  return { text: extra.size ? `${keys.join(' ')} ${[...extra].join(' ')}` : keys.join(' '), keys };
}

/** The index text of one field (see indexField). */
export function indexTerms(fieldWords: readonly string[]): string {
  return indexField(fieldWords).text;
}

/** Computes the index terms and the MinHash signature of an article (pure; no database). */
export function analyseText(title: string, body: string): IndexedText {
  const indexed = indexField(words(body));
  return { titleKeys: indexField(words(title)).text, bodyKeys: indexed.text, signature: minhashSignature(indexed.keys) };
}
