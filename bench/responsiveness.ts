/**
 * Does the app stay responsive while long work runs? Against a store of N articles (default
 * 100,000; built once and kept in bench/.data/), served by the store workers as the app and
 * browser mode run them, it times a small call (one article, `getArticle`) every 20 ms:
 * first idle, then while, at the same time, 10,000 files are imported, an entity with a common
 * alias is created (scanning every article for it) and all annotations are exported.
 * Prints p50/p95 for both. Needs the built workers (npm install builds them).
 *
 *   npx tsx bench/responsiveness.ts [N]
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../db/sqlite/store';
import { startWorkerBackend } from '../electron/backend/worker-backend';
import { importWorkerScript, storeWorkerScript } from '../electron/paths';
import { localApi } from '../electron/backend/local';
import { createPreparer, importFiles } from '../electron/services/import';
import { generateArticles, random } from './corpus';

const builtDir = join(__dirname, '../out/main');
const dataDir = join(__dirname, '.data');

/** The kept store of `n` synthetic articles, imported once. */
async function libraryOf(n: number): Promise<string> {
  const path = join(dataDir, `sanad-${n}.sqlite`);
  if (existsSync(path)) return path;
  mkdirSync(dataDir, { recursive: true });
  process.stdout.write(`building a store of ${n} articles in ${path} (once)…\n`);
  const store = openStore(path);
  const preparer = createPreparer(importWorkerScript(builtDir));
  const files = [...generateArticles(n)].map((t, i) => ({ name: `article-${i}.txt`, bytes: Buffer.from(t.body) }));
  await importFiles(localApi(store).services.uow, files, { preparer });
  await preparer.close();
  store.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return path;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const n = Number(process.argv[2] ?? 100_000);
  const source = await libraryOf(n);
  // Work on a copy: the load below adds 10,000 articles and an entity.
  const dbPath = join(mkdtempSync(join(tmpdir(), 'sanad-bench-resp-')), 'sanad.sqlite');
  copyFileSync(source, dbPath);
  const backend = await startWorkerBackend({ dbPath, workerScript: storeWorkerScript(builtDir) });
  const call = async (method: string, arg: unknown) => {
    const result = await backend.dispatch(method, arg);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const next = random(5);
  const probe = async (until: () => boolean): Promise<number[]> => {
    const latencies: number[] = [];
    while (!until()) {
      const started = performance.now();
      await call('getArticle', { id: 1 + Math.floor(next() * n) });
      latencies.push(performance.now() - started);
      await sleep(20);
    }
    return latencies;
  };

  let idleDone = false;
  setTimeout(() => (idleDone = true), 5000);
  const idle = await probe(() => idleDone);

  // Some annotations for the export to write out.
  for (let i = 0; i < 2000; i++) await call('createAnnotation', { articleId: 1 + Math.floor(next() * n), start: 0, end: 20, tagId: 1 + (i % 5) });
  const newFiles = [...generateArticles(10_000, 99)].map((t, i) => ({ name: `new-${i}.txt`, dataBase64: Buffer.from(t.body).toString('base64') }));
  const timed = async (label: string, work: Promise<unknown>) => {
    const started = performance.now();
    await work;
    return `${label} ${((performance.now() - started) / 1000).toFixed(1)} s`;
  };
  let loadDone = false;
  const load = Promise.all([
    timed('import of 10,000 files', call('importFiles', { files: newFiles })),
    // A word in most articles of the synthetic corpus, so the alias scan finds it nearly everywhere.
    timed('alias scan', call('createEntity', { kind: 'organisation', name: 'الحكومة', aliases: ['الوزارة'] })),
    timed('full W3C export', call('exportWebAnnotations', {})),
  ]).finally(() => (loadDone = true));
  const busy = await probe(() => loadDone);
  const durations = await load;
  await backend.close();

  const line = (label: string, values: number[]) =>
    `${label.padEnd(34)} p50 ${percentile(values, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms   (${values.length} calls)\n`;
  process.stdout.write(`\n${n} articles; getArticle every 20 ms\n`);
  process.stdout.write(line('idle', idle));
  process.stdout.write(line('during import + alias scan + export', busy));
  process.stdout.write(`  (${durations.join('; ')})\n`);
  process.stdout.write(`${JSON.stringify({ articles: n, idleP95Ms: +percentile(idle, 95).toFixed(1), busyP95Ms: +percentile(busy, 95).toFixed(1) })}\n`);
}

void main();
