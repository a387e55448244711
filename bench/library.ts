/**
 * The library grid at 100,000 articles (the store bench/import.ts or bench/responsiveness.ts
 * keeps in bench/.data/): how long until its first rows show, and what one block of 100 rows
 * with a filter and a sort costs, against the old whole-library list.
 *
 * - API, through the store workers: `listArticles` (everything, as the grid loaded before),
 *   the first block with its count, and 200 blocks at random offsets under a filter and a sort.
 * - Chromium, through browser mode: from opening the app to the first row drawn, and the page's
 *   JS heap once the grid has scrolled through 5,000 rows.
 *
 *   npx tsx bench/library.ts [N]     (needs the built app and /usr/bin/chromium)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { startWorkerBackend } from '../electron/backend/worker-backend';
import { storeWorkerScript } from '../electron/paths';
import { random } from './corpus';

const builtDir = join(__dirname, '../out/main');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

async function apiFigures(dbPath: string, n: number): Promise<void> {
  const backend = await startWorkerBackend({ dbPath, workerScript: storeWorkerScript(builtDir) });
  const call = async (method: string, arg: unknown) => {
    const result = await backend.dispatch(method, arg);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const [all, listMs] = await timed(() => call('listArticles', {}));
  const listBytes = Buffer.byteLength(JSON.stringify(all));
  const firsts: number[] = [];
  for (let i = 0; i < 20; i++) firsts.push((await timed(() => call('queryArticles', { startRow: 0, endRow: 100, withCount: true })))[1]);
  const next = random(3);
  const sorts = ['title', 'published', 'annotationCount', 'importedAt', 'outlet'];
  const blocks: number[] = [];
  for (let i = 0; i < 200; i++) {
    const startRow = Math.floor(next() * 400) * 100;
    const request = {
      startRow,
      endRow: startRow + 100,
      sortModel: [{ colId: sorts[i % sorts.length]!, sort: i % 2 ? 'asc' : 'desc' }],
      filterModel: { language: { filterType: 'text', type: 'equals', filter: 'ar' } },
    };
    blocks.push((await timed(() => call('queryArticles', request)))[1]);
  }
  const filteredCount = (await timed(() => call('queryArticles', { startRow: 0, endRow: 100, withCount: true, filterModel: { title: { filterType: 'text', type: 'contains', filter: 'الميناء' } } })))[1];
  await backend.close();
  process.stdout.write(`\n${n} articles, through the store workers\n`);
  process.stdout.write(`  listArticles (all rows, the old grid):           ${listMs.toFixed(0)} ms, ${(listBytes / 1024 / 1024).toFixed(1)} MB of JSON\n`);
  process.stdout.write(`  first block of 100 with its count:               p50 ${percentile(firsts, 50).toFixed(1)} ms, p95 ${percentile(firsts, 95).toFixed(1)} ms\n`);
  process.stdout.write(`  block of 100, filter + sort, random offset:      p50 ${percentile(blocks, 50).toFixed(1)} ms, p95 ${percentile(blocks, 95).toFixed(1)} ms\n`);
  process.stdout.write(`  first block + count under a title 'contains':    ${filteredCount.toFixed(0)} ms\n`);
}

async function browserFigures(dbPath: string): Promise<void> {
  const server = spawn(process.execPath, [join(__dirname, '../electron/bin/sanad.cjs'), 'serve', '--db', dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(output);
      if (match) resolve(match[0]);
    });
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    await measureInBrowser(browser, url);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

async function measureInBrowser(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await page.goto(i === 0 ? url : url.replace(/#.*/, ''));
    await page.locator('[data-testid="library-grid"] .ag-row .ag-cell').first().waitFor();
    opens.push(performance.now() - started);
  }
  const viewport = page.locator('[data-testid="library-grid"] .ag-body-vertical-scroll-viewport');
  for (let y = 0; y <= 5000 * 42; y += 4000) {
    await viewport.evaluate((el, top) => (el.scrollTop = top), y);
    await page.waitForTimeout(30);
  }
  await page.locator('[data-testid="library-grid"] .ag-row .ag-cell').first().waitFor();
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const count = await page.getByTestId('library-count').textContent();
  process.stdout.write(`\nChromium, browser mode\n`);
  process.stdout.write(`  open to first row drawn:  first ${opens[0]!.toFixed(0)} ms, then median ${percentile(opens.slice(1), 50).toFixed(0)} ms   ("${count}")\n`);
  process.stdout.write(`  JS heap after scrolling 5,000 rows: ${(heap / 1024 / 1024).toFixed(1)} MB\n`);
}

async function main() {
  const n = Number(process.argv[2] ?? 100_000);
  const source = join(__dirname, '.data', `sanad-${n}.sqlite`);
  if (!existsSync(source)) throw new Error(`no store of ${n} articles: run npx tsx bench/responsiveness.ts ${n} first (it builds one)`);
  const dbPath = join(mkdtempSync(join(tmpdir(), 'sanad-bench-library-')), 'sanad.sqlite');
  copyFileSync(source, dbPath);
  await apiFigures(dbPath, n);
  await browserFigures(dbPath);
}

void main();
