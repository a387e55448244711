/**
 * Synthetic Arabic articles for benchmarks: sentences recombined from the project's own
 * fixtures. Each article tells a "story" drawn from a few of those sentences, and close to half
 * of its words are swapped for words from a large Zipf-distributed vocabulary (with clitics,
 * suffixes and Arabic-Indic numbers). So, as in a real archive, function words are everywhere,
 * content words are in a fraction of the articles, most of the vocabulary is rare, and no two
 * articles are near-duplicates. ~3 KB each.
 *
 *   npx tsx bench/corpus.ts N OUTDIR    writes N .txt files into OUTDIR
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small fast seeded PRNG (mulberry32), so every run generates the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIXTURES = join(__dirname, '../tests/fixtures');
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const CLITICS = ['', '', '', 'و', 'ال', 'وال', 'ب', 'بال', 'ل', 'لل', 'ف'];
const SUFFIXES = ['', '', '', 'ة', 'ات', 'ون', 'ين', 'ها', 'هم', 'ي', 'ية'];
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** The Arabic sentences of the project's UTF-8 fixtures (text, HTML, CSV and JSON alike). */
export function fixtureSentences(): string[] {
  const sentences = new Set<string>();
  for (const file of readdirSync(FIXTURES).filter((f) => /\.(txt|html|csv|json|jsonl)$/.test(f))) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(FIXTURES, file)));
    } catch {
      continue; // legacy-encoded fixtures are for the importer's tests
    }
    const plain = text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, '\n');
    for (const piece of plain.split(/(?<=[.؟!])\s+|[\n"{}]/)) {
      const sentence = piece.trim();
      if ((sentence.match(/[\u0621-\u064A]+/g)?.length ?? 0) >= 5 && !/[\u0000-\u001F]/.test(sentence)) sentences.add(sentence);
    }
  }
  return [...sentences];
}

/** A vocabulary of `size` pseudo-words built from Arabic letters. */
function makeVocabulary(size: number, next: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const length = 3 + Math.floor(next() * 5);
    let word = '';
    for (let i = 0; i < length; i++) word += LETTERS[Math.floor(next() * LETTERS.length)];
    words.add(word);
  }
  return [...words];
}

/** The synthetic vocabulary, most frequent first (the same for a given seed). */
export function syntheticVocabulary(seed = 1): string[] {
  return makeVocabulary(50_000, random(seed));
}

/** Sentences in one article's story, out of all the fixtures'. */
const STORY_SENTENCES = 6;
/** Share of words swapped for vocabulary words. */
const SWAP_SHARE = 0.45;

/** Generates `count` articles, each {title, body}, deterministically from `seed`. */
export function* generateArticles(count: number, seed = 1): Generator<{ title: string; body: string }> {
  const vocabulary = syntheticVocabulary(seed);
  const next = random(seed + 1);
  const allSentences = fixtureSentences();
  // Zipf: rank r is drawn with probability ~ 1/r, as word frequencies in news text are.
  const zipf = () => vocabulary[Math.floor(Math.exp(next() * Math.log(vocabulary.length))) - 1]!;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const number = () => [...String(Math.floor(next() * 2000))].map((d) => (next() < 0.5 ? ARABIC_DIGITS[Number(d)] : d)).join('');
  let sentences: string[] = [];
  const sentence = () =>
    pick(sentences)
      .split(' ')
      .map((word) => {
        const roll = next();
        if (roll < SWAP_SHARE) return `${pick(CLITICS)}${zipf()}${pick(SUFFIXES)}`;
        if (roll < SWAP_SHARE + 0.03) return number();
        return word;
      })
      .join(' ');
  for (let i = 0; i < count; i++) {
    sentences = Array.from({ length: STORY_SENTENCES }, () => pick(allSentences));
    const paragraphs: string[] = [];
    let length = 0;
    while (length < 3000) {
      const paragraph = Array.from({ length: 2 + Math.floor(next() * 3) }, sentence).join(' ');
      paragraphs.push(paragraph);
      length += new TextEncoder().encode(paragraph).length;
    }
    const title = sentence().split(' ').slice(0, 8).join(' ');
    yield { title, body: `${title}\n${paragraphs.join('\n')}` };
  }
}

if (require.main === module) {
  const [countArg, outDir] = process.argv.slice(2);
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || !outDir) {
    process.stderr.write('usage: npx tsx bench/corpus.ts N OUTDIR\n');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  let i = 0;
  for (const article of generateArticles(count)) writeFileSync(join(outDir, `article-${String(++i).padStart(6, '0')}.txt`), article.body);
  process.stdout.write(`wrote ${count} articles to ${outDir}\n`);
}
