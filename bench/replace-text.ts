/**
 * Replacing a long article's text: how long `updateArticleText` holds the store's one writer
 * (re-indexing, and re-anchoring every annotation and entity mention), which bounds how long an
 * article's text may be (LIMITS.articleBody in db/text/fields.ts). One article of N characters
 * (default 200,000 and 1,000,000) made of the synthetic corpus, 1,000 annotations spread over it,
 * and an entity whose alias is its most frequent long word; then three edits: a line added on
 * top (everything moves), one line in twenty rewritten, and a wholly different text (everything
 * is lost and looked for in all of it).
 *
 *   npx tsx bench/replace-text.ts [N...]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callMethod } from '../electron/api/call';
import { localApi } from '../electron/backend/local';
import { openStore } from '../db/sqlite/store';
import { quoteSelector } from '../db/text/text';
import { generateArticles } from './corpus';

const SIZES = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [200_000, 1_000_000];
const ANNOTATIONS = 1000;

/** About `length` characters of synthetic articles, one after another. */
function text(length: number, seed: number): string {
  const parts: string[] = [];
  let total = 0;
  for (const article of generateArticles(1_000_000, seed)) {
    parts.push(article.body);
    total += article.body.length + 1;
    if (total >= length) break;
  }
  return parts.join('\n').slice(0, length);
}

async function main() {
  for (const size of SIZES) {
    const store = openStore(join(mkdtempSync(join(tmpdir(), 'sanad-bench-replace-')), 'sanad.sqlite'));
    const { dispatch } = localApi(store);
    // (Room left for the line the first edit adds: a text over the limit is refused.)
    const body = `عنوان\n${text(size - 100, 1)}`;
    const imported = await callMethod(dispatch, 'importFiles', { files: [{ name: 'long.txt', dataBase64: Buffer.from(body).toString('base64') }] });
    if (!imported.ok || imported.value.imported.length !== 1) throw new Error(`the article was not imported: ${JSON.stringify(imported)}`);
    // The annotations go straight into the table: setting them up through the API is not what is measured.
    const insert = store.prepare(
      "INSERT INTO annotations (article_id, start_offset, end_offset, exact, prefix, suffix, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    );
    for (let i = 0; i < ANNOTATIONS; i++) {
      let start = Math.floor(((body.length - 100) * i) / ANNOTATIONS);
      while (start > 0 && body[start - 1] !== ' ') start--;
      const { exact, prefix, suffix } = quoteSelector(body, start, start + 25);
      insert.run(start, start + 25, exact, prefix, suffix);
    }
    const counts = new Map<string, number>();
    for (const word of body.split(/\s+/)) if (word.length >= 5) counts.set(word, (counts.get(word) ?? 0) + 1);
    const [word, frequency] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    await callMethod(dispatch, 'createEntity', { kind: 'place', name: word, aliases: [] });
    console.log(`${size.toLocaleString('en-US')} characters, ${ANNOTATIONS} annotations, the entity “${word}” found ${frequency} times`);
    const edits: [string, string][] = [
      ['a line added on top', `عاجل\n${body}`],
      ['one line in twenty rewritten', body.split('\n').map((line, i) => (i % 20 === 7 ? text(line.length, 1000 + i) : line)).join('\n')],
      ['a wholly different text', `عنوان\n${text(size - 100, 99)}`],
    ];
    for (const [label, edited] of edits) {
      const started = performance.now();
      const result = await callMethod(dispatch, 'updateArticleText', { id: 1, body: edited });
      if (!result.ok) throw new Error(result.error.message);
      const { byPosition, byQuote, byFuzzyMatch, needReview, mentions } = result.value;
      console.log(
        `  ${label}: ${((performance.now() - started) / 1000).toFixed(2)} s (annotations: ${byPosition + byQuote + byFuzzyMatch} placed, ${needReview} to review; mentions: ${mentions.moved} moved, ${mentions.needReview} to review, ${mentions.dropped} dropped)`,
      );
    }
    store.close();
  }
}

void main();
