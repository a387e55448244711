/**
 * The reader with 2,000 annotations: one long Arabic article (~60 KB) carrying 2,000 tagged,
 * partly overlapping annotations, opened in Chromium through browser mode, then scrolled from
 * top to bottom. Prints the time from click to every highlight drawn, and frame times while
 * scrolling. Needs the built app (npm install builds it) and /usr/bin/chromium.
 *
 *   npx tsx bench/reader.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { localApi } from '../electron/backend/local';
import { startHttpServer } from '../electron/transport/http-server';
import { openStore } from '../db/sqlite/store';
import { generateArticles, random } from './corpus';

const ANNOTATIONS = 2000;

async function main() {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'sanad-bench-reader-')), 'sanad.sqlite'));
  const { dispatch } = localApi(store);
  const body = [...generateArticles(20, 3)].map((a) => a.body).join('\n');
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
  process.stdout.write(`  scrolling top to bottom, ${frames.length} frames: median ${at(0.5)} ms, p95 ${at(0.95)} ms, worst ${frames.at(-1)!.toFixed(1)} ms per frame\n`);
  await browser.close();
  await server.close();
  store.close();
}

void main();
