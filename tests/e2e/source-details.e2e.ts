/// <reference lib="dom" />
/**
 * Articles pasted from the web come without an outlet or a date: the import summary says so and
 * offers one dialog for the whole batch, the library marks what is missing and lists those
 * articles on their own, and Ctrl+Z takes the details back in one step.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eachTestInAFreshLibrary, fixture, screenshot } from './harness';
import { inserted, SanadApp, SourceDetailsDialog } from './pages';

const ARABIC_FILE = 'ar-pasted-no-source.txt';
const ENGLISH_FILE = 'en-pasted-no-source.txt';
const ARABIC_START = 'بدأت وحدات من قوات التحالف';
const ENGLISH_START = 'Coalition units began moving equipment';
const OUTLET = 'وكالة الأنباء المحلية';

let page: Page;
let app: SanadApp;

eachTestInAFreshLibrary((session) => ({ page, app } = session));

describe('articles without an outlet or a date', () => {
  it('are counted in the import summary, get their details for the whole batch in one dialog, and Ctrl+Z takes them back', async () => {
    const summary = await app.importFiles([fixture(ARABIC_FILE), fixture(ENGLISH_FILE)]);
    await expect.poll(() => summary.innerText()).toContain('2 articles have no outlet, and 2 have no date');
    await screenshot(page, 'source-details-01-summary');

    await summary.getByRole('button', { name: 'Add source details…' }).click();
    const dialog = new SourceDetailsDialog(page);
    // The date is typed year first, in Western digits.
    expect(await dialog.dialog.innerText()).toContain('For 2 articles');
    expect(await dialog.dialog.getByLabel('Published').getAttribute('placeholder')).toBe('YYYY-MM-DD');
    await dialog.fill({ Outlet: OUTLET, URL: 'https://example.org/redeployment', Published: '2025-09-21' });
    await screenshot(page, 'source-details-02-dialog');
    await dialog.save();
    await expect.poll(() => summary.innerText()).toContain('Articles given an outlet: 2; a URL: 2; a date: 2.');
    expect(await summary.innerText()).not.toContain('have no outlet');
    await app.closeImportSummary();

    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    for (const row of [ARABIC_START, ENGLISH_START]) {
      await expect.poll(() => library.cellText(row, 'outlet')).toBe(OUTLET);
      expect(await library.cellText(row, 'published')).toBe('2025-09-21');
    }
    expect(await library.missingMarkers().count()).toBe(0);
    await screenshot(page, 'source-details-03-library-filled');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => library.missingMarkers().count()).toBe(4);
    expect(await page.getByRole('status').last().innerText()).toContain(
      `Undone: ${inserted('source details given to 2 articles:')} “${inserted(`${OUTLET} · https://example.org/redeployment · 2025-09-21`)}”`,
    );
    expect(await library.cellText(ARABIC_START, 'outlet')).toBe('No outlet');
    expect(await library.cellText(ENGLISH_START, 'published')).toBe('No date');
    await expect.poll(() => library.missingMarkers().first().getAttribute('title')).toMatch(/^No (outlet|date): a briefing cannot/);
  });

  it('are marked in the library and listed on their own, and the articles ticked there get their details', async () => {
    await app.importFiles([fixture(ARABIC_FILE), fixture(ENGLISH_FILE), fixture('ar-article.html')]);
    await app.closeImportSummary();
    const library = await app.goToLibrary();
    await library.waitForTitles(3);
    // Only the two pasted texts are marked: the HTML page brought its outlet and date.
    await expect.poll(() => library.missingMarkers().count()).toBe(4);
    expect(await library.cellText(ENGLISH_START, 'outlet')).toBe('No outlet');

    await page.getByLabel('Only articles without an outlet or a date').check();
    await expect.poll(() => library.count()).toBe('2 matching articles');
    await expect.poll(() => library.titles().then((titles) => titles.length)).toBe(2);
    await library.tickRow(ENGLISH_START);
    await screenshot(page, 'source-details-04-library-marks');
    await page.getByRole('button', { name: 'Add source details to 1 selected article…' }).click();
    const dialog = new SourceDetailsDialog(page);
    await dialog.fill({ Outlet: 'Rudaw', Published: '2025-09-22' });
    await dialog.save();

    // The English article has both now, so the filter leaves only the Arabic one.
    await expect.poll(() => library.count()).toBe('1 matching article');
    await expect.poll(() => library.titles()).toEqual([expect.stringContaining(ARABIC_START)]);
    const done = page.getByText('Articles given an outlet: 1; a URL: 0; a date: 1. Ctrl+Z undoes this.');
    await done.waitFor();
    // The ticks are cleared once their articles have their details.
    await expect.poll(() => page.getByRole('button', { name: /^Add source details to/ }).count()).toBe(0);
    // Ctrl+Z takes it back: the English article is listed again, and the message goes.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => library.count()).toBe('2 matching articles');
    await done.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => library.count()).toBe('1 matching article');
    await page.getByLabel('Only articles without an outlet or a date').uncheck();
    await expect.poll(() => library.count()).toBe('3 articles');
    await expect.poll(() => library.cellText(ENGLISH_START, 'outlet')).toBe('Rudaw');
    expect(await library.cellText(ENGLISH_START, 'published')).toBe('2025-09-22');
  });

  it('are counted and filled in the Arabic interface, dates typed year first', async () => {
    await app.switchLanguage();
    const summary = await app.importFiles([fixture(ARABIC_FILE), fixture(ENGLISH_FILE)]);
    await expect.poll(() => summary.innerText()).toContain('مقالان بلا وسيلة نشر، واثنان بلا تاريخ');
    await screenshot(page, 'source-details-05-summary-arabic');
    await summary.getByRole('button', { name: 'إضافة بيانات المصدر…' }).click();
    const dialog = new SourceDetailsDialog(page);
    expect(await dialog.dialog.getByLabel('تاريخ النشر').getAttribute('placeholder')).toBe('سنة-شهر-يوم');
    await dialog.fill({ الوسيلة: OUTLET });
    await screenshot(page, 'source-details-06-dialog-arabic');
    await dialog.save();
    await expect.poll(() => summary.innerText()).toContain('مقالات أُعطيت وسيلة نشر: 2؛ ورابطًا: 0؛ وتاريخًا: 0.');
    await app.closeImportSummary();

    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    // The outlet is there; the date is still missing, and marked in Arabic.
    await expect.poll(() => library.cellText(ARABIC_START, 'outlet')).toBe(OUTLET);
    expect(await library.cellText(ARABIC_START, 'published')).toBe('بلا تاريخ');
    await expect.poll(() => library.missingMarkers().count()).toBe(2);
    await library.tickRow(ARABIC_START);
    await screenshot(page, 'source-details-07-library-marks-arabic');
  });
});
