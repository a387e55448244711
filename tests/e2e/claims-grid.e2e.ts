/// <reference lib="dom" />
/**
 * The claims grid as an analyst works it: ticks in a column's set filter (stance, events) narrow
 * the claims; a view saved by name comes back after the filters changed; deleting a view is
 * undone with Ctrl+Z; the columns stay as left across a reload; Export XLSX writes the view as it
 * stands, right to left for an Arabic reader; and the set filter in Arabic.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eachTestInAFreshLibrary, fixture, screenshot } from './harness';
import { ClaimsPage, inserted, SanadApp } from './pages';

const WITHDRAWAL = 'انسحاب القوات الأمريكية من عين الأسد';
const DENIAL = 'Ministry denies completion';

let page: Page;
let app: SanadApp;

eachTestInAFreshLibrary((session) => ({ page, app } = session));

/** Makes a claim of a passage in the reader, on an event, with its stance when not "Asserts". */
async function claim(title: string, passage: string, event: { create?: string; choose?: string }, stance?: string) {
  const reader = await (await app.goToLibrary()).openArticle(title);
  const dialog = await reader.claim(passage);
  await dialog.event(event);
  if (stance) await dialog.stance(stance);
  await dialog.save();
}

/** The rows of a workbook's first sheet, as text. */
async function workbookRows(path: string): Promise<{ rows: string[][]; rightToLeft: boolean | undefined }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return { rows, rightToLeft: sheet.views[0]?.rightToLeft };
}

describe('the claims grid', () => {
  it('narrows claims by ticking values, saves and reapplies a named view, keeps its columns across a reload, and exports the view as XLSX', async () => {
    const summary = await app.importFiles([fixture('withdrawal-reports.json')]);
    await expect.poll(() => summary.innerText()).toContain('4 imported');
    await app.closeImportSummary();
    await claim('بدء انسحاب القوات الأمريكية من عين الأسد', 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا', { create: WITHDRAWAL });
    await claim('اكتمال الانسحاب من قاعدة عين الأسد', 'انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل', { choose: WITHDRAWAL });
    await claim('Pentagon denies full withdrawal', 'the withdrawal from Ain al-Asad had not been completed', { create: DENIAL }, 'Denies');

    await app.goTo(/^Claims$/);
    const claims = new ClaimsPage(page);
    await expect.poll(() => claims.count()).toBe('3 claims');

    // Stance: tick "Denies" in the column's set filter.
    let filter = await claims.openFilter('stance');
    expect(await filter.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.closest('label')!.textContent))).toEqual(['Asserts', 'Denies', 'Speculates']);
    await filter.getByRole('checkbox', { name: 'Denies' }).check();
    await expect.poll(() => claims.count()).toBe('1 matching claim');
    await filter.getByRole('button', { name: 'Select none' }).click();
    await expect.poll(() => claims.count()).toBe('3 claims');
    await claims.closeFilter();

    // Events, by title: the withdrawal's two claims.
    filter = await claims.openFilter('events');
    await filter.getByRole('checkbox', { name: WITHDRAWAL, exact: true }).check();
    await expect.poll(() => claims.count()).toBe('2 matching claims');
    await screenshot(page, 'claims-grid-01-set-filter-en');
    await claims.closeFilter();
    // The header says a filter is on.
    expect(await claims.grid.locator('.ag-header-cell[col-id="events"] .ag-filter-active').count()).toBe(1);

    // Saved under a name, with the quick filter too.
    let views = await claims.openMenu(/^Views$/);
    await views.getByRole('textbox', { name: 'Name of the view' }).fill('Withdrawal');
    await views.getByRole('button', { name: 'Save the view' }).click();
    await page.getByRole('status').filter({ hasText: `View “${inserted('Withdrawal')}” saved.` }).waitFor();
    await views.getByRole('button', { name: `Apply the view ${inserted('Withdrawal')}` }).waitFor();
    await screenshot(page, 'claims-grid-05-views-menu-en');
    await page.keyboard.press('Escape');

    // Another filter: the ministry's denial only…
    filter = await claims.openFilter('events');
    await filter.getByRole('checkbox', { name: WITHDRAWAL, exact: true }).uncheck();
    await filter.getByRole('checkbox', { name: DENIAL, exact: true }).check();
    await expect.poll(() => claims.count()).toBe('1 matching claim');
    await claims.closeFilter();
    // …until the view is applied again.
    views = await claims.openMenu(/^Views$/);
    await views.getByRole('button', { name: `Apply the view ${inserted('Withdrawal')}` }).click();
    await expect.poll(() => claims.count()).toBe('2 matching claims');
    filter = await claims.openFilter('events');
    expect(await filter.getByRole('checkbox', { name: WITHDRAWAL, exact: true }).isChecked()).toBe(true);
    expect(await filter.getByRole('checkbox', { name: DENIAL, exact: true }).isChecked()).toBe(false);
    await claims.closeFilter();

    // Export XLSX: the two claims of the view, Arabic intact, left to right in English.
    const xlsx = await workbookRows(await claims.download('Export XLSX'));
    expect(xlsx.rows).toHaveLength(3);
    expect(xlsx.rows[0]!.slice(0, 3)).toEqual(['id', 'quote', 'statement']);
    expect(xlsx.rows.slice(1).map((row) => row[1]).sort()).toEqual(['الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا', 'انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل']);
    expect(xlsx.rightToLeft).toBe(false);

    // Deleting the view is a step Ctrl+Z takes back.
    views = await claims.openMenu(/^Views$/);
    await views.getByRole('button', { name: `Delete the view ${inserted('Withdrawal')}` }).click();
    await views.getByText('No saved view yet.').waitFor();
    await page.keyboard.press('Control+z');
    await views.getByRole('button', { name: `Apply the view ${inserted('Withdrawal')}` }).waitFor();
    await page.keyboard.press('Escape');

    // Columns as the analyst leaves them: Statement hidden, sorted by outlet; kept across a reload.
    const columns = await claims.openMenu(/^Columns$/);
    await columns.getByRole('checkbox', { name: 'Statement' }).uncheck();
    await columns.getByRole('checkbox', { name: 'Credibility' }).check();
    await page.keyboard.press('Escape');
    expect(await claims.headers()).not.toContain('statement');
    expect(await claims.headers()).toContain('credibility');
    await claims.grid.locator('.ag-header-cell[col-id="outlet"] .ag-header-cell-label').click();
    await expect.poll(() => claims.grid.locator('.ag-header-cell[col-id="outlet"]').getAttribute('aria-sort')).toBe('ascending');
    await page.reload();
    // The page loads again, and asks for its claims: longer than a poll's default second on a busy machine.
    await expect.poll(() => claims.count(), { timeout: 15_000 }).toBe('3 claims');
    expect(await claims.headers()).not.toContain('statement');
    expect(await claims.headers()).toContain('credibility');
    expect(await claims.grid.locator('.ag-header-cell[col-id="outlet"]').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => claims.grid.locator('.ag-cell[col-id="outlet"]').allInnerTexts()).toEqual(['Example Wire', 'شفق نيوز', 'كردستان 24']);

    // In Arabic: the set filter's values in Arabic, the grid right to left, the workbook too.
    await app.switchLanguage();
    await expect.poll(() => claims.count(), { timeout: 15_000 }).toBe('3 ادعاءات');
    expect(await claims.headers()).not.toContain('statement');
    filter = await claims.openFilter('stance');
    await filter.getByRole('checkbox', { name: 'ينفي' }).check();
    await expect.poll(() => claims.count()).toBe('ادعاء واحد مطابق');
    await screenshot(page, 'claims-grid-02-set-filter-ar');
    await claims.closeFilter();
    const arabic = await workbookRows(await claims.download('تصدير XLSX'));
    expect(arabic.rows).toHaveLength(2);
    expect(arabic.rightToLeft).toBe(true);
    const arabicViews = await claims.openMenu(/^العروض$/);
    await arabicViews.getByRole('button', { name: `طبّق العرض ${inserted('Withdrawal')}` }).waitFor();
    await screenshot(page, 'claims-grid-03-views-menu-ar');
    await page.keyboard.press('Escape');
    await claims.openMenu(/^الأعمدة$/);
    await screenshot(page, 'claims-grid-04-columns-menu-ar');
    await page.keyboard.press('Escape');

    // Back in English, the filter is still on.
    await app.switchLanguage();
    await expect.poll(() => claims.count(), { timeout: 15_000 }).toBe('1 matching claim');
    filter = await claims.openFilter('stance');
    expect(await filter.getByRole('checkbox', { name: 'Denies' }).isChecked()).toBe(true);
    await claims.closeFilter();

    // The keyboard reaches the grid from the toolbar, and Enter on a row opens its passage in the reader.
    await page.getByRole('searchbox', { name: 'Filter claims…' }).focus();
    for (let i = 0; i < 10 && !(await page.evaluate(() => Boolean(document.activeElement?.closest('.ag-header-cell')))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('article-text').getByText('had not been completed').waitFor();
  }, 240_000);
});
