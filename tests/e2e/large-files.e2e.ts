/// <reference lib="dom" />
/**
 * Large files in browser mode, as an analyst picks them: a 50 MB report through Import files, a
 * file over the limit, and the other two places that take a file (Replace from file…, and the
 * codebook's import), each sent as raw bytes ahead of the call that uses it.
 */
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wordReport } from '../large-files';
import { eachTestInAFreshLibrary, fixture, type SanadServer, screenshot } from './harness';
import { inserted, ReaderPage, SanadApp } from './pages';

let server: SanadServer;
let context: BrowserContext;
let page: Page;
let app: SanadApp;
/** The API requests the page made: method, content type and body size. */
let requests: { path: string; type: string; bodyBytes: number }[];

eachTestInAFreshLibrary((session) => {
  ({ server, context, page, app } = session);
  requests = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') && url.pathname !== '/api/listJobs') {
      requests.push({ path: url.pathname, type: request.headers()['content-type'] ?? '', bodyBytes: request.postDataBuffer()?.length ?? 0 });
    }
  });
});

/** What is left in this server's folder of received files. */
function staged(): string[] {
  try {
    return readdirSync(join(server.dataDir, `sanad-uploads-${process.getuid?.() ?? 'user'}`));
  } catch {
    return [];
  }
}

describe('large files in browser mode', () => {
  it('imports a 50 MB report picked with Import files, sent as raw bytes with its progress shown, and lists it in the library', async () => {
    const path = join(server.dataDir, 'تقرير مصوّر.docx');
    writeFileSync(path, await wordReport('تقرير مصوّر عن ميناء الفاو', 50));
    // Slowed to 25 MB/s, so the sending can be seen.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 25 * 1024 * 1024 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles([path]);
    await page.getByRole('status').getByText(/Sending .*تقرير مصوّر\.docx.*: \d+%/).waitFor();
    await screenshot(page, '40-sending-large-file');
    const summary = page.getByRole('alert', { name: 'Import summary' });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.innerText()).toContain('1 imported, 0 skipped, 0 failed');
    await screenshot(page, '41-large-file-imported');
    // The bytes went as they are, not as base64 inside a JSON call.
    expect(requests.find((r) => r.path === '/api/upload')).toMatchObject({ type: 'application/octet-stream' });
    const importCall = requests.find((r) => r.path === '/api/importFiles')!;
    expect(importCall.bodyBytes).toBeLessThan(1000);
    await app.closeImportSummary();
    expect(await (await app.goToLibrary()).waitForTitles(1)).toEqual(['تقرير مصوّر عن ميناء الفاو']);
    expect(staged()).toEqual([]);
  }, 120_000);

  it('refuses a file over 200 MB at once, naming it and the limit, and imports the others picked with it', async () => {
    const big = join(server.dataDir, 'archive.txt');
    writeFileSync(big, '');
    truncateSync(big, 201 * 1024 * 1024);
    const summary = await app.importFiles([big, fixture('ar-port-closure.txt')]);
    const text = await summary.innerText();
    expect(text).toContain('1 imported, 0 skipped, 1 failed');
    expect(text).toContain(`archive.txt: “${inserted('archive.txt')}” is larger than 200 MB, the largest file Sanad takes in. Split it into smaller files.`);
    await screenshot(page, '42-file-over-limit');
    // Not a byte of it was sent.
    expect(requests.filter((r) => r.path === '/api/upload')).toHaveLength(1);
  });

  it('replaces an article’s text from a file and imports a codebook from a file, each sent as an upload', async () => {
    const summary = await app.importFiles([fixture('ar-port-closure.txt')]);
    await expect.poll(() => summary.innerText()).toContain('1 imported');
    await app.closeImportSummary();
    await (await app.goToLibrary()).openArticle('إغلاق ميناء الفاو');

    const newer = join(server.dataDir, 'نسخة أحدث.txt');
    writeFileSync(newer, 'إغلاق ميناء الفاو: نسخة محدّثة\nأعادت السلطات فتح الميناء صباح اليوم.');
    const textChooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Replace from file…' }).click();
    await (await textChooser).setFiles([newer]);
    await page.locator('.reanchor-report').waitFor();
    await expect.poll(() => new ReaderPage(page).text.innerText()).toContain('أعادت السلطات فتح الميناء صباح اليوم.');

    const codebook = join(server.dataDir, 'دليل الترميز.qdc');
    writeFileSync(
      codebook,
      '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="c1d2e3f4-0000-4000-8000-000000000001" name="مصدر رسمي" isCodable="true" color="#112233"/></Codes></CodeBook>',
    );
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Codebook' }).click();
    const codebookChooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import .qdc / .qdpx' }).click();
    await (await codebookChooser).setFiles([codebook]);
    await page.getByRole('status').getByText('Codebook imported: 1 tag(s) added, 0 updated.').waitFor();

    const calls = requests.map((r) => r.path);
    expect(calls.filter((p) => p === '/api/upload')).toHaveLength(3);
    expect(calls.indexOf('/api/replaceArticleTextFromFile')).toBeGreaterThan(calls.indexOf('/api/upload'));
    for (const method of ['/api/replaceArticleTextFromFile', '/api/importCodebook']) {
      expect(requests.find((r) => r.path === method)!.bodyBytes).toBeLessThan(1000);
    }
    expect(staged()).toEqual([]);
  });
});
