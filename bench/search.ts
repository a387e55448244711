/**
 * Search latency: 200 mixed queries (single words with and without hamza or clitics, phrases,
 * AND/OR/NOT, prefixes, filters) against the store bench/import.ts left in bench/.data/, each
 * returning the top 20 with snippets, as the library view asks for them. Queries whose words
 * are in most of the library are listed newest first instead of ranked (see db/search.ts).
 *
 *   npx tsx bench/search.ts [N]     N: which store, default 100000
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { searchArticles } from '../db/sqlite/search';
import { openStore } from '../db/sqlite/store';
import { fixtureSentences, random, syntheticVocabulary } from './corpus';

const size = Number(process.argv[2] ?? 100_000);
const path = join(__dirname, '.data', `sanad-${size}.sqlite`);
if (!existsSync(path)) {
  process.stderr.write(`no store at ${path}: run "npx tsx bench/import.ts ${size}" first\n`);
  process.exit(1);
}

const next = random(7);
const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
const fixtureWords = [...new Set(fixtureSentences().flatMap((s) => s.split(/[\s،.:"«»()]+/)).filter((w) => /^[\u0600-\u06FF]{4,}$/.test(w)))];
const vocabulary = syntheticVocabulary();
// Half the words from the fixtures' sentences, half from the corpus vocabulary by frequency rank.
const zipfWord = () => vocabulary[Math.floor(Math.exp(next() * Math.log(vocabulary.length))) - 1]!;
const pickWord = () => (next() < 0.5 ? pick(fixtureWords) : zipfWord());
const bare = (w: string) => w.replace(/[أإآ]/g, 'ا').replace(/^(ال|و|ب)/, '');
const shapes: (() => string)[] = [
  () => pickWord(),
  () => bare(pickWord()),
  () => `و${pickWord()}`,
  () => `${pickWord()} ${pickWord()}`,
  () => `"${pick(fixtureSentences()).split(' ').slice(2, 5).join(' ')}"`,
  () => `${pickWord()} OR ${pickWord()}`,
  () => `${pickWord()} NOT ${pickWord()}`,
  () => `${bare(pickWord()).slice(0, 4)}*`,
  () => `${pickWord()} lang:ar`,
  () => `${pickWord()} from:2024-01-01`,
];
const queries = Array.from({ length: 200 }, (_, i) => shapes[i % shapes.length]!());

const store = openStore(path);
const articles = store.prepare('SELECT count(*) FROM articles').pluck().get() as number;
searchArticles(store, 'تسخين', {}, 20); // warm the statement cache and the page cache, as a running app is
const timings = { all: [] as number[], relevance: [] as number[], newest: [] as number[] };
let results = 0;
for (const query of queries) {
  const started = performance.now();
  const { hits, order } = searchArticles(store, query, {}, 20);
  const elapsed = performance.now() - started;
  timings.all.push(elapsed);
  timings[order].push(elapsed);
  results += hits.length;
}
const summary = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(1) ?? '-';
  return `p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${sorted.at(-1)?.toFixed(1) ?? '-'} ms`;
};
process.stdout.write(`${queries.length} queries against ${articles} articles, top 20 with snippets (${(results / queries.length).toFixed(1)} results per query)\n`);
process.stdout.write(`  all queries:                    ${summary(timings.all)}   (target p95 < 50 ms)\n`);
process.stdout.write(`  ranked by bm25 (${timings.relevance.length}):            ${summary(timings.relevance)}\n`);
process.stdout.write(`  over 20,000 matches, newest first (${timings.newest.length}): ${summary(timings.newest)}\n`);
store.close();
