/**
 * Source details for a large batch: N short articles imported from one JSON Lines file (two in
 * three without an outlet or a date, as pasted text comes), then the library's first block of
 * those lacking one, one call giving all N an outlet, a URL and a date (the contract's most), and
 * undoing and redoing that one step.
 *
 *   npx tsx bench/source-details.ts [N]     N: articles, default and at most 10,000
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callMethod } from '../electron/api/call';
import type { ApiInput, ApiMethod, ApiOutput } from '../electron/api/contract';
import { localApi } from '../electron/backend/local';
import { openStore } from '../db/sqlite/store';
import { random } from './corpus';

const n = Math.min(Number(process.argv[2] ?? 10_000), 10_000);
const { dispatch } = localApi(openStore(join(mkdtempSync(join(tmpdir(), 'sanad-bench-')), 'sanad.sqlite')), {});

async function timed<M extends ApiMethod>(label: string, method: M, arg: ApiInput<M>): Promise<ApiOutput<M>> {
  const started = performance.now();
  const result = await callMethod(dispatch, method, arg);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  process.stdout.write(`  ${label.padEnd(52)} ${(performance.now() - started).toFixed(0)} ms\n`);
  return result.value;
}

const next = random(11);
const lines = Array.from({ length: n }, (_, i) =>
  JSON.stringify({
    title: `مقال ${i}`,
    body: `نص المقال رقم ${i} عن انسحاب القوات من القاعدة ${Math.floor(next() * 1e9)}`,
    ...(i % 3 === 0 && { outlet: 'رويترز', published: '2025-09-01' }),
  }),
);
async function main(): Promise<void> {
  process.stdout.write(`${n} articles\n`);
  const report = await timed('import (one JSONL file)', 'importFiles', { files: [{ name: 'bulk.jsonl', dataBase64: Buffer.from(lines.join('\n')).toString('base64') }] });
  const ids = report.imported.map((i) => i.id);
  const page = await timed('first block + count of those without outlet or date', 'queryArticles', { startRow: 0, endRow: 100, withCount: true, lackingCitation: true });
  await timed(`fill in ${ids.length} (${page.total} lacking)`, 'updateArticlesMetadata', { ids, outlet: 'وكالة الأنباء', url: 'https://example.org/a', published: '2025-09-21' });
  await timed('undo that step', 'undo', {});
  await timed('redo it', 'redo', {});
}

void main();
