/// <reference lib="dom" />
/**
 * A briefing built through the interface: events and claims made in the reader, a report made from
 * the event, a key judgment given its likelihood and confidence (warned while it mixes the two),
 * an item moved by keyboard, the preview following the draft, and the PDF and HTML downloaded;
 * the event added to the report again from its own screen; then the screen in Arabic, right to left.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eachTestInAFreshLibrary, fixture, screenshot } from './harness';
import { inserted, ReportsPage, SanadApp } from './pages';

const WITHDRAWAL = 'انسحاب القوات الأمريكية من عين الأسد';
const STARTED = 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا';
const COMPLETED = 'انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل';

let page: Page;
let app: SanadApp;

eachTestInAFreshLibrary((session) => ({ page, app } = session));

/** Makes a claim of a passage on the event, as the analyst does in the reader. */
async function claim(title: string, passage: string, date: string) {
  const reader = await (await app.goToLibrary()).openArticle(title);
  const dialog = await reader.claim(passage);
  await dialog.date(date);
  await dialog.event({ choose: WITHDRAWAL });
  await dialog.save();
}

describe('the reports screen', () => {
  it('builds a briefing from an event, judges with likelihood and confidence apart, reorders by keyboard, previews and downloads it', async () => {
    const summary = await app.importFiles([fixture('withdrawal-reports.json')]);
    await expect.poll(() => summary.innerText()).toContain('4 imported');
    await app.closeImportSummary();
    await app.goTo(/^Events$/);
    await page.getByLabel('Title', { exact: true }).fill(WITHDRAWAL);
    await page.getByLabel('Reported date').fill('2025-08-24');
    await page.getByRole('button', { name: 'Create the event' }).click();
    await page.getByRole('heading', { name: WITHDRAWAL }).waitFor();
    await claim('بدء انسحاب القوات الأمريكية من عين الأسد', STARTED, '2025-08-24');
    await claim('اكتمال الانسحاب من قاعدة عين الأسد', COMPLETED, '2025-08-26');

    await app.goTo(/^Reports$/);
    const reports = new ReportsPage(page);
    await reports.create('Ain al-Asad withdrawal', [WITHDRAWAL]);
    // The event's section: the event, then its claims by the date each reports.
    await expect.poll(() => reports.items()).toEqual([WITHDRAWAL, STARTED, COMPLETED]);

    // A judgment that says likelihood and confidence in one sentence is warned about, until they are apart.
    await page.getByRole('button', { name: 'Add a judgment' }).click();
    const judgment = page.getByRole('textbox', { name: 'Judgment 1' });
    await judgment.fill('We assess with high confidence that the withdrawal will likely finish by September.');
    await page.getByRole('alert').filter({ hasText: 'says both how likely and how confident' }).waitFor();
    await judgment.fill('The withdrawal will finish by the end of September 2025.');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'says both how likely and how confident' }).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Likelihood' }).selectOption({ label: 'likely (55–80%)' });
    await page.getByRole('combobox', { name: 'Confidence' }).selectOption({ label: 'Moderate confidence' });
    await page.getByRole('textbox', { name: 'Handling line' }).fill('RESTRICTED');
    // The preview follows the draft before it is saved.
    await expect.poll(() => reports.previewText()).toContain('RESTRICTED');

    // Alt+↓ on the first claim moves it below the second.
    await page.locator('.report-item', { hasText: STARTED }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => reports.items()).toEqual([WITHDRAWAL, COMPLETED, STARTED]);
    await expect.poll(() => page.locator('.report-item', { hasText: STARTED }).evaluate((item) => item === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Save the report' }).click();
    await page.getByRole('list', { name: 'Items of the section' }).first().waitFor();

    // The preview shows the saved report as its export reads.
    await expect.poll(() => reports.previewText().then((text) => text.indexOf(COMPLETED) < text.indexOf(STARTED))).toBe(true);
    const preview = await reports.previewText();
    expect(preview).toContain('Likelihood: likely (55–80%) · Confidence: moderate confidence');
    expect(preview).toContain('RESTRICTED');
    expect(preview).toContain('Independent sources: 2');
    await screenshot(page, 'reports-01-editor-en');

    // The PDF downloads, and its text reads back with the Arabic quote (poppler reads the lam-alef ligature's letters the other way round).
    const pdf = await reports.download('Export PDF');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
    expect(text).toContain(COMPLETED.replace(/ل([اأإآ])/g, '$1ل'));
    expect(text).toContain('RESTRICTED');
    const html = readFileSync(await reports.download('Export HTML'), 'utf8');
    expect(html).toContain(`«${STARTED}»`);

    // From the event's screen, the event goes into the report again: a section of its own at the end.
    await app.goTo(/^Events$/);
    await page.getByRole('button', { name: new RegExp(WITHDRAWAL) }).first().click();
    await page.getByRole('button', { name: 'Add to report' }).click();
    await page.getByRole('status').filter({ hasText: `Added to “${inserted('Ain al-Asad withdrawal')}”.` }).waitFor();
    await app.goTo(/^Reports$/);
    await page.getByRole('button', { name: /Ain al-Asad withdrawal/ }).click();
    await expect.poll(() => reports.items()).toEqual([WITHDRAWAL, COMPLETED, STARTED, WITHDRAWAL, STARTED, COMPLETED]);

    // In Arabic the screen runs right to left, its words in Arabic.
    await app.switchLanguage();
    await page.getByRole('button', { name: 'حفظ التقرير' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('button', { name: 'إضافة حكم' }).waitFor();
    await screenshot(page, 'reports-02-editor-ar');
  });
});
