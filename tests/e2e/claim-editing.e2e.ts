/// <reference lib="dom" />
/**
 * Grading and editing claims as an analyst does: the credibility chosen in the claim dialog with
 * Sanad's suggestion a click away, a saved claim opened again from the Events screen, the Claims
 * grid and the reader's side panel, the grade following, Ctrl+Z taking an edit back, a place
 * added from the picker without leaving the dialog, and a passage tagged Claim by hand told
 * apart from a real claim.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eachTestInAFreshLibrary, fixture, screenshot, screenshotDir } from './harness';
import { ClaimDialog, ClaimsPage, inserted, SanadApp } from './pages';

const EVENT = 'انسحاب القوات الأمريكية من عين الأسد';
const SHAFAQ = 'بدء انسحاب القوات الأمريكية من عين الأسد';
const SHAFAQ_PASSAGE = 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا';
const KURDISTAN = 'اكتمال الانسحاب من قاعدة عين الأسد';
const KURDISTAN_PASSAGE = 'انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل';

let page: Page;
let app: SanadApp;

eachTestInAFreshLibrary((session) => ({ page, app } = session));

/** What a line or cell shows, without the invisible isolates around inserted names. */
const visible = (text: string) => text.replace(/[\u2068\u2069]/g, '');

describe('editing claims', () => {
  it('grades a saved claim with the credibility Sanad suggests, edits its date and place, shows the grade everywhere, and undoes the edit', async () => {
    const summary = await app.importFiles([fixture('withdrawal-reports.json')]);
    await expect.poll(() => summary.innerText()).toContain('4 imported');
    await app.closeImportSummary();

    // A new claim on an event: Sanad says it will suggest a credibility once the claim is saved…
    let reader = await (await app.goToLibrary()).openArticle(SHAFAQ);
    const created = await reader.claim(SHAFAQ_PASSAGE);
    await created.event({ create: EVENT });
    expect(await created.suggestion()).toBe('Sanad suggests a credibility from the event’s other sources once the claim is saved.');
    // The chain's buttons say what they do when pointed at.
    expect(await created.dialog.getByRole('button', { name: 'Move towards the origin' }).first().getAttribute('title')).toBe('Move towards the origin');
    await created.save();
    // …and does: one source so far, so possibly true.
    expect(visible(await page.locator('.reanchor-report').innerText())).toContain('Sanad suggests credibility 3 — possibly true: Edit claim… to use it.');
    // In the side panel the passage shows as a claim: a badge, its grade, and Edit claim….
    const item = reader.sideList.filter({ hasText: SHAFAQ_PASSAGE });
    expect(await item.getByTestId('side-claim').innerText()).toMatch(/^claim\s+\?\?\s+Edit claim…$/);
    await page.getByRole('complementary', { name: 'Annotations in this article' }).screenshot({ path: join(screenshotDir, 'claim-editing-01-side-panel-en.png') });

    reader = await (await app.goToLibrary()).openArticle(KURDISTAN);
    const second = await reader.claim(KURDISTAN_PASSAGE);
    await second.event({ choose: EVENT });
    await second.save();

    // In Events, the origin graded B: the claim is B?, no credibility yet.
    await app.goTo(/^Events$/);
    await page.getByRole('button', { name: new RegExp(EVENT) }).click();
    const shafaqRow = page.getByTestId('event-claim').filter({ hasText: SHAFAQ_PASSAGE });
    await shafaqRow.getByRole('combobox', { name: 'Reliability: خمسة مسؤولين أمريكيين (رويترز)' }).selectOption('B');
    await expect.poll(() => shafaqRow.locator('.grade').innerText()).toBe('B?');

    // Edit claim…: two independent sources agree, so Sanad suggests 1; one click takes it.
    await shafaqRow.getByRole('button', { name: 'Edit claim…' }).click();
    const dialog = new ClaimDialog(page, 'Edit claim');
    await expect.poll(async () => visible(await dialog.suggestion())).toContain('Sanad suggests 1 — confirmed by other sources');
    expect(await dialog.credibility()).toBe('? — not judged yet');
    expect(await dialog.grade()).toBe('B?');
    await dialog.dialog.getByRole('button', { name: 'Use suggestion' }).click();
    expect(await dialog.credibility()).toBe('1 — confirmed by other sources');
    expect(await dialog.grade()).toBe('B1');
    await dialog.date('2025-08-24');
    // A place no entity names yet is added from the picker, and the dialog stays.
    await dialog.dialog.getByRole('combobox', { name: 'Choose the place' }).fill('محافظة الأنبار');
    await dialog.dialog.getByRole('option', { name: `Add “${inserted('محافظة الأنبار')}” as a place` }).click();
    await dialog.dialog.getByRole('group', { name: 'Place' }).getByTestId('entity-chip').filter({ hasText: 'محافظة الأنبار' }).waitFor();
    await screenshot(page, 'claim-editing-02-edit-dialog-en');
    await dialog.dialog.getByRole('button', { name: 'Save the claim' }).click();
    await page.getByRole('status').filter({ hasText: /Claim saved, graded \u2068?B1\u2069?\./ }).waitFor();
    await expect.poll(() => shafaqRow.locator('.grade').innerText()).toBe('B1');
    expect(visible(await shafaqRow.innerText())).toMatch(/2025-08-24\s+محافظة الأنبار/);

    // The Claims grid shows the new grade; its Statement column is headed short.
    await app.goTo(/^Claims$/);
    const claims = new ClaimsPage(page);
    await expect.poll(() => claims.count()).toBe('2 claims');
    expect(await claims.grid.locator('.ag-header-cell[col-id="statement"]').innerText()).toBe('Statement');
    const gridRow = claims.grid.locator('.ag-row', { hasText: SHAFAQ_PASSAGE });
    await expect.poll(() => gridRow.locator('.ag-cell[col-id="grade"]').innerText()).toBe('B1');

    // Ctrl+Z takes the whole edit back, and says what it undid.
    await page.getByTestId('claims-count').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => visible(await page.locator('.notice').innerText())).toBe(`Undone: change to the claim “${SHAFAQ_PASSAGE}” in “${SHAFAQ}”`);
    await expect.poll(() => gridRow.locator('.ag-cell[col-id="grade"]').innerText()).toBe('B?');

    // The keyboard reaches Edit in the grid: Enter on its cell opens the claim as it is now.
    await gridRow.locator('.ag-cell[col-id="edit"]').focus();
    await page.keyboard.press('Enter');
    const again = new ClaimDialog(page, 'Edit claim');
    await expect.poll(() => again.credibility()).toBe('? — not judged yet');
    expect(await again.dialog.getByLabel('Reported date').inputValue()).toBe('');
    // Delete claim… asks first; Ctrl+Z brings the claim back.
    await again.dialog.getByRole('button', { name: 'Delete claim…' }).click();
    await again.dialog.getByRole('group', { name: 'Delete claim…' }).getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Claim deleted. Ctrl+Z brings it back.' }).waitFor();
    await expect.poll(() => claims.count()).toBe('1 claim');
    await page.getByTestId('claims-count').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => claims.count()).toBe('2 claims');

    // A row still opens its passage: clicking its quote.
    await gridRow.locator('.ag-cell[col-id="quote"]').click();
    await page.getByTestId('article-text').waitFor();
  }, 240_000);

  it('tells a passage tagged Claim by hand from a claim, offers to make it one, and warns of a claim over a word or two', async () => {
    const summary = await app.importFiles([fixture('withdrawal-reports.json')]);
    await expect.poll(() => summary.innerText()).toContain('4 imported');
    await app.closeImportSummary();
    const reader = await (await app.goToLibrary()).openArticle(SHAFAQ);
    await (await reader.claim(SHAFAQ_PASSAGE)).save();

    // The starter tag Claim, applied with its button to two words.
    await reader.select('عين الأسد');
    await page.getByRole('toolbar').getByRole('button', { name: /Claim$/ }).click();
    const tagged = reader.sideList.filter({ hasText: 'عين الأسد' }).filter({ hasNotText: SHAFAQ_PASSAGE });
    await tagged.getByText('Tagged Claim, but not a claim yet.').waitFor();
    expect(await tagged.getByTestId('side-claim').count()).toBe(0);
    await tagged.getByRole('button', { name: 'Make a claim…' }).click();
    const dialog = new ClaimDialog(page);
    await dialog.proposed();
    expect(await dialog.dialog.getByRole('note').innerText()).toBe('Only a word or two is selected: say in the statement what is claimed, or select the whole sentence.');
    // Saying what is claimed answers the warning (it never blocks saving).
    await dialog.dialog.getByLabel('Statement').fill('بدأ الانسحاب من قاعدة عين الأسد');
    expect(await dialog.dialog.getByRole('note').count()).toBe(0);
    await dialog.save();
    await tagged.getByTestId('side-claim').waitFor();
    expect(await tagged.getByText('Tagged Claim, but not a claim yet.').count()).toBe(0);

    // In Arabic: the side panel, the chip's × apart from its name, the edit dialog.
    await app.switchLanguage();
    const claimItem = reader.sideList.filter({ hasText: SHAFAQ_PASSAGE });
    await expect.poll(() => claimItem.getByTestId('side-claim').innerText()).toMatch(/^ادعاء\s+\?\?\s+تعديل الادعاء…$/);
    await claimItem.locator('q').click();
    // Focused, a claim offers its edit, not a second Claim… over it.
    expect(await claimItem.getByRole('button', { name: 'ادعاء…', exact: true }).count()).toBe(0);
    const gap = await claimItem.locator('.tag-chip').first().evaluate((chip) => {
      const name = document.createRange();
      name.selectNodeContents(chip.firstChild!);
      const cross = document.createRange();
      cross.selectNodeContents(chip.querySelector('button')!);
      // Right to left, the × is on the name's left.
      return name.getBoundingClientRect().left - cross.getBoundingClientRect().right;
    });
    expect(gap).toBeGreaterThanOrEqual(3);
    await page.getByRole('complementary', { name: 'التعليقات في هذا المقال' }).screenshot({ path: join(screenshotDir, 'claim-editing-03-side-panel-ar.png') });
    await claimItem.getByRole('button', { name: 'تعديل الادعاء…' }).click();
    const arabic = new ClaimDialog(page, 'تعديل الادعاء');
    await expect.poll(async () => visible(await arabic.suggestion())).toContain('يقترح سند: 6 — لا يمكن الحكم على صحتها');
    expect(await arabic.dialog.getByRole('button', { name: 'استخدم الاقتراح' }).isVisible()).toBe(true);
    await screenshot(page, 'claim-editing-04-edit-dialog-ar');
    await page.keyboard.press('Escape');
    await arabic.dialog.waitFor({ state: 'hidden' });
  }, 180_000);
});
