/**
 * The reader with many annotations: one long Arabic article (~60,000 characters) carrying N
 * tagged, partly overlapping annotations (default 5,000), opened in Chromium through browser
 * mode. Prints the time from click to every highlight drawn, the time from tagging one more
 * passage (a key press) to its highlight drawn, the side panel's DOM size, and frame times while
 * scrolling. Needs the built app (npm install builds it) and /usr/bin/chromium.
 *
 *   npx tsx bench/reader.ts [N]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { localApi } from '../electron/backend/local';
import { startHttpServer } from '../electron/transport/http-server';
import { openStore } from '../db/sqlite/store';
import { generateArticles, random } from './corpus';

const ANNOTATIONS = Number(process.argv[2] ?? 5000);

async function main() {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'sanad-bench-reader-')), 'sanad.sqlite'));
  const { dispatch } = localApi(store);
  const body = [...generateArticles(30, 3)].map((a) => a.body).join('\n');
  await dispatch('importFiles', { files: [{ name: 'long.txt', dataBase64: Buffer.from(body).toString('base64') }] });
  const length = [...body].length;
  const next = random(11);
  for (let i = 0; i < ANNOTATIONS; i++) {
    const start = Math.floor(next() * (length - 80));
    await dispatch('createAnnotation', { articleId: 1, start, end: start + 5 + Math.floor(next() * 60), tagId: 1 + (i % 5), note: i % 10 === 0 ? 'ملاحظة' : null });
  }
  const server = await startHttpServer({ dispatch, rendererDir: join(__dirname, '../out/renderer') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.goto(server.url);
  const row = page.locator('.ag-cell[col-id="title"]').first();
  await row.waitFor();
  const opening: number[] = [];
  for (let run = 0; run < 3; run++) {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button').first().click();
    await row.waitFor();
    const started = Date.now();
    await row.click();
    await page.waitForFunction((expected) => {
      let ranges = 0;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('sanad-tag-')) ranges += h.size;
      });
      return ranges === expected;
    }, ANNOTATIONS);
    opening.push(Date.now() - started);
  }
  // Functions, not strings: the page's CSP forbids evaluating strings.
  const countRanges = () => {
    let n = 0;
    CSS.highlights.forEach((h, name) => {
      if (name.startsWith('sanad-tag-')) n += h.size;
    });
    return n;
  };
  const adding: number[] = [];
  for (let run = 0; run < 3; run++) {
    // Select a passage as a drag would, then press 1, as the analyst tags it.
    await page.getByTestId('article-text').evaluate((container, paragraph) => {
      const node = container.querySelectorAll('p')[paragraph]!.firstChild!;
      window.getSelection()!.setBaseAndExtent(node, 10, node, 30);
    }, 3 + run);
    await page.getByRole('toolbar').waitFor();
    const before = await page.evaluate(countRanges);
    const started = Date.now();
    await page.keyboard.press('1');
    await page.waitForFunction((expected) => {
      let n = 0;
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('sanad-tag-')) n += h.size;
      });
      return n === expected;
    }, before + 1);
    adding.push(Date.now() - started);
  }
  const sideNodes = await page.evaluate(() => document.querySelector('.reader-side')!.querySelectorAll('*').length);
  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector('.reader-main')!;
    const times: number[] = [];
    let last = performance.now();
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += 120;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  });
  frames.sort((a, b) => a - b);
  const at = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))]!.toFixed(1);
  process.stdout.write(`article of ${length.toLocaleString()} characters with ${ANNOTATIONS} annotations, Chromium headless (software rendering)\n`);
  process.stdout.write(`  open, click to all highlights drawn: ${opening.map((ms) => `${ms} ms`).join(', ')}\n`);
  process.stdout.write(`  tag one more passage, key press to its highlight drawn: ${adding.map((ms) => `${ms} ms`).join(', ')}\n`);
  process.stdout.write(`  side panel: ${sideNodes} DOM nodes\n`);
  process.stdout.write(`  scrolling top to bottom, ${frames.length} frames: median ${at(0.5)} ms, p95 ${at(0.95)} ms, worst ${frames.at(-1)!.toFixed(1)} ms per frame\n`);
  await browser.close();
  await server.close();
  store.close();
}

void main();
