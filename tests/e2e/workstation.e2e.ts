/// <reference lib="dom" />
/**
 * The foundation slice as an analyst walks it in browser mode: import, library, reader,
 * tagging, the annotations grid, a restart, and the Arabic interface.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eachTestInAFreshLibrary, fixture, type SanadServer, type Session, screenshot } from './harness';
import { inserted, SanadApp, visible } from './pages';

const ARABIC_TITLE = 'إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية';
const ENGLISH_TITLE = 'Faw port closed for three days after overnight clashes';
const ARABIC_PASSAGE = 'ثلاثة من الحراس أصيبوا بجروح طفيفة';

let server: SanadServer;
let page: Page;
let app: SanadApp;
let restart: Session['restart'];

eachTestInAFreshLibrary((session) => ({ server, page, app, restart } = session), { acceptDownloads: true });

async function importSamples() {
  const summary = await app.importFiles([fixture('ar-port-closure.txt'), fixture('en-port-briefing.txt')]);
  await expect.poll(() => summary.innerText()).toContain('2 imported');
  await app.closeImportSummary();
}

describe('importing', () => {
  it('imports text files, names the ones it refuses and why, and lists the rest in the library', async () => {
    const summary = await app.importFiles([
      fixture('ar-port-closure.txt'),
      fixture('empty.txt'),
      fixture('binary-disguised.txt'),
      fixture('en-port-briefing.txt'),
    ]);
    const text = await summary.innerText();
    expect(text).toContain('2 imported, 0 skipped, 2 failed');
    expect(text).toMatch(/empty\.txt: the file is empty/);
    expect(text).toMatch(/binary-disguised\.txt: this is not a text file/);
    await screenshot(page, '01-import-summary');
    await app.closeImportSummary();
    const library = await app.goToLibrary();
    expect((await library.waitForTitles(2)).sort()).toEqual([ENGLISH_TITLE, ARABIC_TITLE].sort());
    await screenshot(page, '02-library');
  });

  it('imports files dropped on the window', async () => {
    const summary = await app.dropFiles([{ name: 'dropped-note.txt', text: 'ملاحظة ميدانية\nانتقل الحاجز شمالًا مسافة كيلومترين.' }]);
    expect(await summary.innerText()).toContain('1 imported');
    await app.closeImportSummary();
    expect(await (await app.goToLibrary()).waitForTitles(1)).toEqual(['ملاحظة ميدانية']);
  });

  it('pastes text as a new article, its title as given', async () => {
    const summary = await app.paste('بيان صحفي ملصوق', 'أعلنت الوزارة في بيان اليوم استئناف الرحلات إلى المطار.');
    expect(await summary.innerText()).toContain('1 imported');
    await screenshot(page, '02b-paste-summary');
    await app.closeImportSummary();
    expect(await (await app.goToLibrary()).waitForTitles(1)).toEqual(['بيان صحفي ملصوق']);
  });

  it('imports a near-duplicate and says which article it resembles', async () => {
    await app.importFiles([fixture('ar-utf16be-bom.txt')]);
    await app.closeImportSummary();
    const summary = await app.importFiles([fixture('ar-utf16le-bom.txt')]);
    await expect.poll(() => summary.innerText()).toMatch(new RegExp(`Possible duplicate of #1 "${inserted('ملاحظة: جدول زيارة الوفد')}" \\(\\d+% similar\\)`));
  });

  it('follows a spelling variant the analyst adds, across scripts', async () => {
    await importSamples();
    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    const before = await library.search('الفاو');
    await expect.poll(() => before.titles()).toEqual([ARABIC_TITLE]);
    await library.addSpellingVariants('الفاو, Faw');
    await expect.poll(() => before.titles().then((t) => t.sort())).toEqual([ENGLISH_TITLE, ARABIC_TITLE].sort());
  });

  it('skips a file whose text is already in the library, naming the existing article', async () => {
    await importSamples();
    const summary = await app.importFiles([fixture('ar-port-closure.txt')]);
    expect(await summary.innerText()).toContain(`same text as article #1 "${ARABIC_TITLE}"`);
  });

  it('searches as the analyst types, finding Arabic words however they are spelled, with the matches marked', async () => {
    await importSamples();
    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    // Without hamza and with a clitic: the article writes "أصيبوا" and "الحراس".
    const results = await library.search('اصيبوا والحراس');
    await expect.poll(() => results.titles()).toEqual([ARABIC_TITLE]);
    expect(await results.marks()).toEqual(['الحراس', 'أصيبوا']);
    await screenshot(page, '03-search-results');
    const both = await library.search('رويترز');
    await expect.poll(() => both.titles().then((t) => t.sort())).toEqual([ENGLISH_TITLE, ARABIC_TITLE].sort());
  });

  it('finds the words a typed prefix begins, their spelling variants, and a month by its other name', async () => {
    await importSamples();
    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    // The article writes وزارة, whose key is shorter than the prefix (زار).
    const prefix = await library.search('وزارة*');
    await expect.poll(() => prefix.titles()).toEqual([ARABIC_TITLE]);
    expect(await prefix.marks()).toEqual(['وزارة']);
    // Washington and واشنطن are spelling variants.
    const variants = await library.search('Washing*');
    await expect.poll(() => variants.titles().then((t) => t.sort())).toEqual([ENGLISH_TITLE, ARABIC_TITLE].sort());
    // The article names the month أيلول.
    const month = await library.search('سبتمبر');
    await expect.poll(() => month.titles()).toEqual([ARABIC_TITLE]);
    expect(await month.marks()).toEqual(['أيلول']);
  });

  it('counts the library\'s articles, and the matching ones under a column filter the server applies', async () => {
    await importSamples();
    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    await expect.poll(() => library.count()).toBe('2 articles');
    await library.filterColumn('language', 'ar');
    await expect.poll(() => library.count()).toBe('1 matching article');
    await expect.poll(() => library.titles()).toEqual([ARABIC_TITLE]);
    await screenshot(page, '02b-library-filtered');
    await library.filterColumn('outlet', 'no such outlet');
    await expect.poll(() => library.count()).toBe('0 matching articles');
    await expect.poll(() => library.grid.innerText()).toContain('No article matches these filters.');
  });

  it('edits an article\'s metadata in the library grid, and keeps it', async () => {
    await importSamples();
    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    await library.editCell(ARABIC_TITLE, 'outlet', 'وكالة الأنباء المحلية');
    await library.editCell(ARABIC_TITLE, 'published', '2025-09-23');
    await expect.poll(() => library.cellText(ARABIC_TITLE, 'outlet')).toBe('وكالة الأنباء المحلية');
    await library.editCell(ARABIC_TITLE, 'published', 'next tuesday');
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('YYYY-MM-DD');
    expect(await library.cellText(ARABIC_TITLE, 'published')).toBe('2025-09-23');
    await page.reload();
    const reloaded = await app.goToLibrary();
    await reloaded.waitForTitles(2);
    expect(await reloaded.cellText(ARABIC_TITLE, 'outlet')).toBe('وكالة الأنباء المحلية');
  });
});

describe('reading and tagging', () => {
  it('shows an Arabic article right to left in the bundled Naskh font, each paragraph one unbroken text node', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    const style = await reader.text.evaluate((el) => ({ direction: getComputedStyle(el).direction, font: getComputedStyle(el).fontFamily }));
    expect(style.direction).toBe('rtl');
    expect(style.font).toContain('Noto Naskh Arabic');
    // The font is served by Sanad itself and really used: the Arabic face has loaded.
    await expect.poll(() => page.evaluate(() => document.fonts.check('20px "Noto Naskh Arabic"', 'قاعدة'))).toBe(true);
    const loadedArabicFaces = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.family.includes('Noto Naskh Arabic') && f.status === 'loaded').length,
    );
    expect(loadedArabicFaces).toBeGreaterThan(0);
    expect(await reader.paragraphNodeCounts()).toEqual([1, 1, 1, 1, 1, 1]);
    await screenshot(page, '03-reader-arabic');
  });

  it('shows an English article left to right', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ENGLISH_TITLE);
    expect(await reader.text.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await screenshot(page, '04-reader-english');
  });

  it('tags a selected Arabic passage with a key press: highlighted without splitting the text, listed beside it and in the grid', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await screenshot(page, '05-selection-toolbar');
    // Every control of the toolbar lies inside it.
    const toolbar = page.getByRole('toolbar');
    const edge = (await toolbar.boundingBox())!;
    for (const control of await toolbar.locator('button, input, select').all()) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(edge.x);
      expect(box.x + box.width).toBeLessThanOrEqual(edge.x + edge.width + 0.5);
    }
    await page.keyboard.press('1');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    expect(await reader.sideList.first().innerText()).toContain(ARABIC_PASSAGE);
    expect(await reader.highlights()).toMatchObject({ 'sanad-tag-1': [ARABIC_PASSAGE] });
    expect(await reader.paragraphNodeCounts()).toEqual([1, 1, 1, 1, 1, 1]);
    await screenshot(page, '06-reader-highlight');

    const annotations = await app.goToAnnotations();
    await expect.poll(() => annotations.quotes()).toEqual([ARABIC_PASSAGE]);
    const row = await annotations.rowText(ARABIC_PASSAGE);
    expect(row).toContain('Claim');
    expect(row).toContain(ARABIC_TITLE);
    await screenshot(page, '07-annotations-grid');

    const reopened = await annotations.open(ARABIC_PASSAGE);
    await expect.poll(() => reopened.highlights()).toMatchObject({ 'sanad-focus': [ARABIC_PASSAGE] });
    await screenshot(page, '08-annotation-opened');
  });

  it('widens a sloppy selection to whole words, finds words however spelled, and shows a note on hover', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    // The drag starts and ends inside words; the annotation takes them whole.
    await reader.select('لاثة من الحرا');
    await page.getByRole('textbox', { name: 'Note' }).fill('رواية المصدر الأمني');
    await page.getByRole('toolbar').getByRole('button', { name: /Number/ }).click();
    await expect.poll(() => reader.sideList.first().innerText()).toContain('ثلاثة من الحراس');

    const box = await page.evaluate(() => {
      const rect = (CSS.highlights.get('sanad-tag-5')!.values().next().value as Range).getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    await expect.poll(() => page.getByRole('tooltip').innerText()).toContain('رواية المصدر الأمني');
    // The card goes when the text scrolls away from under the pointer.
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.getByRole('tooltip').count()).toBe(0);

    await page.getByRole('searchbox', { name: 'Find in article…' }).fill('الاشتباكات');
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('1 of 3');
    expect((await reader.highlights())['sanad-find']).toEqual(['اشتباكات', 'اشتباكات', 'الاشتباكات']);
    await page.getByRole('searchbox', { name: 'Find in article…' }).press('Enter');
    await expect.poll(() => page.getByTestId('find-count').innerText()).toBe('2 of 3');
    await screenshot(page, '05b-find-and-hover');
  });

  it('tags a passage by clicking a tag, with a note, and the note shows in the side list', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ENGLISH_TITLE);
    await reader.select('three guards were lightly wounded');
    await page.getByRole('textbox', { name: 'Note' }).fill('Count differs from the official');
    await page.getByRole('toolbar').getByRole('button', { name: /Number/ }).click();
    await expect.poll(() => reader.sideList.first().innerText()).toContain('Count differs from the official');
    expect(await reader.highlights()).toMatchObject({ 'sanad-tag-5': ['three guards were lightly wounded'] });
  });
});

describe('undo, redo and changing text', () => {
  it('undoes and redoes tagging with Ctrl+Z and Ctrl+Shift+Z, also after a restart', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('1');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => reader.sideList.count()).toBe(0);
    // The toast says what was undone and in which article.
    expect(await page.getByRole('status').last().innerText()).toContain(`Undone: ${inserted('tagging')} “${inserted(ARABIC_PASSAGE)}” in “${inserted(ARABIC_TITLE)}”`);
    expect((await reader.highlights())['sanad-tag-1'] ?? []).toEqual([]);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    expect(await reader.highlights()).toMatchObject({ 'sanad-tag-1': [ARABIC_PASSAGE] });

    // Restarted on the same address (sanad serve --port), the tab keeps its own undo history.
    server = await restart({ samePort: true });
    await app.open(server.url);
    const again = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await expect.poll(() => again.sideList.count()).toBe(1);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => again.sideList.count()).toBe(0);

    // The history keeps every action with its time, the undone ones struck through.
    await app.goToAnnotations();
    await page.getByText('History (Ctrl+Z undoes').click();
    const entries = page.locator('.history li');
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().innerText()).toMatch(new RegExp(`\\d{4}.*tagging ${ARABIC_PASSAGE} \\(undone\\)`));
  });

  it('adds and changes a note on a tagged passage, in the reader and in the grid, and undoes it', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('1');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    await reader.sideList.first().click();
    const note = reader.sideList.first().getByRole('textbox', { name: 'Note' });
    await note.fill('الرقم يختلف بين الروايات');
    await note.press('Enter');
    await expect.poll(() => reader.sideList.first().locator('.note').innerText()).toBe('الرقم يختلف بين الروايات');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => reader.sideList.first().locator('.note').count()).toBe(0);

    const annotations = await app.goToAnnotations();
    await annotations.editCell(ARABIC_PASSAGE, 'note', 'Five in another account');
    await expect.poll(() => annotations.rowText(ARABIC_PASSAGE)).toContain('Five in another account');
    await page.reload();
    const reloaded = await app.goToAnnotations();
    await expect.poll(() => reloaded.rowText(ARABIC_PASSAGE)).toContain('Five in another account');
  });

  it('shows overlapping highlights on joined Arabic letters, each tag in its colour', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select('ثلاثة من الحراس أصيبوا');
    await page.keyboard.press('1');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    await reader.select('الحراس أصيبوا بجروح طفيفة');
    await page.keyboard.press('5');
    await expect.poll(() => reader.sideList.count()).toBe(2);
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    expect(await reader.highlights()).toMatchObject({ 'sanad-tag-1': ['ثلاثة من الحراس أصيبوا'], 'sanad-tag-5': ['الحراس أصيبوا بجروح طفيفة'] });
    expect(await reader.paragraphNodeCounts()).toEqual([1, 1, 1, 1, 1, 1]);
    // Which tag covers which part: the focused passage names the one it overlaps and the words they share.
    await reader.sideList.first().click();
    await expect.poll(() => reader.sideList.first().locator('.overlap').innerText()).toMatch(/^Overlaps\s+Number\s+الحراس أصيبوا$/);
    await screenshot(page, '12-overlapping-highlights');
  });

  it('gives one passage several tags, by key and from the side list, shows each one, and takes one off', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('1');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    // The same passage selected again and tagged again: one passage with two tags, not two passages.
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('5');
    // A chip's text, without the × that takes it off the focused passage.
    const chips = (list = reader.sideList) => list.first().locator('.tag-chip').evaluateAll((all) => all.map((chip) => chip.firstChild?.textContent));
    await expect.poll(() => chips()).toEqual(['Claim', 'Number']);
    expect(await reader.sideList.count()).toBe(1);
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    expect(await reader.highlights()).toMatchObject({ 'sanad-tag-1': [ARABIC_PASSAGE], 'sanad-second-tag-5': [ARABIC_PASSAGE] });
    // A third from the side list's picker.
    await reader.sideList.first().click();
    await reader.sideList.first().getByRole('combobox', { name: 'Add a tag…' }).selectOption({ label: 'Place' });
    await expect.poll(() => reader.sideList.first().locator('.tag-chip').count()).toBe(3);
    await screenshot(page, '12b-passage-with-three-tags');
    const annotations = await app.goToAnnotations();
    await expect.poll(() => annotations.grid.locator('.ag-cell[col-id="tagName"] .tag-chip').allInnerTexts()).toEqual(['Claim', 'Number', 'Place']);
    await screenshot(page, '12c-grid-several-tags');
    const back = await annotations.open(ARABIC_PASSAGE);
    await back.sideList.first().getByRole('button', { name: `Remove the tag “${inserted('Number')}” from this passage` }).click();
    await expect.poll(() => chips(back.sideList)).toEqual(['Claim', 'Place']);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => back.sideList.first().locator('.tag-chip').count()).toBe(3);
  });

  it('groups the annotations grid by tag and by article, with counts, and narrows it to the chosen group', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('1');
    await reader.select('ميناء الفاو الكبير');
    await page.keyboard.press('5');
    await expect.poll(() => reader.sideList.count()).toBe(2);
    const english = await (await app.goToLibrary()).openArticle(ENGLISH_TITLE);
    await english.select('three guards were lightly wounded');
    await page.keyboard.press('5');
    await expect.poll(() => english.sideList.count()).toBe(1);
    const annotations = await app.goToAnnotations();
    await expect.poll(() => annotations.groups()).toEqual(['All passages', 'Number 2', 'Claim 1']);
    await annotations.showGroup('Tag', 'Number');
    await expect.poll(() => annotations.quotes()).toHaveLength(2);
    expect(await page.getByTestId('annotations-count').innerText()).toBe('2 annotations');
    await annotations.showGroup('Article', ENGLISH_TITLE);
    await expect.poll(() => annotations.quotes()).toEqual(['three guards were lightly wounded']);
    expect(await annotations.groups()).toEqual(['All passages', `${ARABIC_TITLE} 2`, `${ENGLISH_TITLE} 1`]);
    await screenshot(page, '07b-annotations-grouped');
  });

  it('re-anchors annotations when the text is edited, and sends the lost one to review for the analyst to place', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('1');
    // As the analyst does: see the first passage tagged before selecting the next.
    await expect.poll(() => reader.sideList.count()).toBe(1);
    await reader.select('وكالة رويترز');
    await page.keyboard.press('2');
    await expect.poll(() => reader.sideList.count()).toBe(2);
    const report = await reader.editText((text) => `عاجل\n${text.replace('وكالة رويترز', 'وكالة الأنباء البريطانية')}`);
    expect(report).toContain('found by quote: 1');
    expect(report).toContain('need review: 1');
    await expect.poll(() => reader.reviewItems().count()).toBe(1);
    const item = await reader.reviewItems().first().innerText();
    expect(item).toContain('وكالة رويترز');
    expect(item).toContain('Now at that place');
    await expect.poll(() => reader.highlights()).toMatchObject({ 'sanad-tag-1': [ARABIC_PASSAGE] });
    await screenshot(page, '13-review-after-edit');
    await reader.select('وكالة الأنباء البريطانية');
    await page.getByRole('button', { name: 'Place on selected text' }).click();
    await expect.poll(() => reader.reviewItems().count()).toBe(0);
    await expect.poll(() => reader.highlights()).toMatchObject({ 'sanad-tag-2': ['وكالة الأنباء البريطانية'] });
  });

  it('redraws highlights at once on the words they belong to when the text is edited in its first line, and when that is undone', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('1');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    // Words added inside the first paragraph: its element is kept, every later one is new.
    await reader.editText((text) => `تحديث عاجل: ${text}`);
    await expect.poll(() => reader.highlights()).toMatchObject({ 'sanad-tag-1': [ARABIC_PASSAGE] });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => reader.text.innerText()).not.toContain('تحديث عاجل');
    await expect.poll(() => reader.highlights()).toMatchObject({ 'sanad-tag-1': [ARABIC_PASSAGE] });
  });

  it('exports the annotations as a W3C collection download', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('1');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    await app.goToAnnotations();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export W3C annotations' }).click()]);
    const path = await download.path();
    const collection = JSON.parse(readFileSync(path, 'utf8'));
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    expect(collection.first.items[0].target.selector[1]).toMatchObject({ type: 'TextQuoteSelector', exact: ARABIC_PASSAGE });
  });
});

describe('codebook', () => {
  it('nests a new tag, gives it a key that tags a selection, and deletes a tag giving its passages another tag', async () => {
    await importSamples();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Codebook' }).click();
    await page.getByRole('textbox', { name: 'New tag…' }).fill('مصدر مجهول');
    await page.locator('.new-tag-form select').selectOption({ label: 'Source' });
    await page.locator('.new-tag-form').getByRole('button', { name: 'Add' }).click();
    const row = page.getByTestId('codebook-row').filter({ has: page.locator('input[value="مصدر مجهول"]') });
    await row.waitFor();
    // A tag cannot move inside itself: "Source" is not offered its own new sub-tag as a parent.
    const source = page.getByTestId('codebook-row').filter({ has: page.locator('input[value="Source"]') });
    const parents = await source.getByRole('combobox', { name: 'Inside' }).locator('option').allInnerTexts();
    expect(parents).toContain('Claim');
    expect(parents).not.toContain('مصدر مجهول');
    expect(parents).not.toContain('Source');
    await row.getByRole('textbox', { name: 'Key' }).fill('m');
    await row.getByRole('textbox', { name: 'Description' }).click();
    await screenshot(page, '14-codebook');

    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('m');
    await expect.poll(() => reader.sideList.first().innerText()).toContain('مصدر مجهول');

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Codebook' }).click();
    await row.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete the tag “${inserted('مصدر مجهول')}”` });
    await dialog.getByLabel('Give them another tag:').first().check();
    await dialog.getByRole('combobox').selectOption({ label: 'Claim' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => row.count()).toBe(0);
    const annotations = await app.goToAnnotations();
    await expect.poll(() => annotations.rowText(ARABIC_PASSAGE)).toContain('Claim');
  });
});

describe('entities', () => {
  /** Marks "ميناء الفاو" in the Arabic article as a place and accepts the suggestion this makes further on. */
  async function markFawPortAndAcceptAll() {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select('ميناء الفاو');
    await page.getByRole('toolbar').getByRole('combobox', { name: 'Mark entity' }).selectOption('place');
    await page.getByRole('toolbar').getByRole('button', { name: 'Mark entity' }).click();
    const here = page.getByRole('region', { name: 'Entities in this article' });
    // One row for the entity, however many mentions it has; its mentions open beneath it when asked.
    const group = here.getByTestId('entity-group');
    await expect.poll(() => group.innerText()).toContain('Place · 2 mentions, 1 suggested');
    expect(await group.count()).toBe(1);
    await group.getByRole('button', { name: 'ميناء الفاو' }).click();
    // The marked one (in the title) is accepted; the same name further on is suggested, not decided.
    expect(await here.getByTestId('mention').allInnerTexts()).toEqual([expect.stringContaining('accepted'), expect.stringContaining('suggested')]);
    await group.getByRole('button', { name: 'Accept the suggestion' }).click();
    await expect.poll(() => here.getByText('suggested').count()).toBe(0);
    // The article's own annotations come first in the side panel, its entities after them.
    expect(await page.locator('.reader-side h2').allInnerTexts()).toEqual(['Annotations in this article', 'Entities in this article']);
    return reader;
  }

  it('marks a place in the text, suggests its other mentions, accepts them all, and follows a new alias into English', async () => {
    const reader = await markFawPortAndAcceptAll();
    expect((await reader.highlights())['sanad-entity']).toEqual(['ميناء الفاو', 'ميناء الفاو']);
    await screenshot(page, '15-entities-in-reader');

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Entities' }).click();
    await page.getByRole('button', { name: /ميناء الفاو/ }).click();
    await page.getByRole('textbox', { name: 'Add alias' }).fill('Faw port');
    await page.getByRole('button', { name: 'Add alias' }).click();
    const english = page.getByTestId('mention').filter({ hasText: ENGLISH_TITLE });
    // In the English title and in its first paragraph.
    await expect.poll(() => english.count()).toBe(2);
    expect(await english.allInnerTexts()).toEqual([expect.stringContaining('suggested'), expect.stringContaining('suggested')]);
    await screenshot(page, '16-entity-page');
    // A mention opens its article from the keyboard as from the mouse.
    await english.first().locator('.context').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(ENGLISH_TITLE);
  });

  it('moves accepted mentions with an edited text, and lists one whose text is gone for review beside the annotations', async () => {
    const reader = await markFawPortAndAcceptAll();
    // A line added on top moves both; the second is rewritten away.
    await reader.editText((text) => `عاجل\n${text.replace(/ميناء الفاو الكبير/, 'الميناء الكبير')}`);
    await expect.poll(() => reader.highlights().then((h) => h['sanad-entity'])).toEqual(['ميناء الفاو']);
    await expect.poll(() => reader.reviewItems().count()).toBe(1);
    expect(await reader.reviewItems().first().innerText()).toContain(`Mention of “${inserted('ميناء الفاو')}” not found in the new text.`);
    await screenshot(page, '16b-mention-review');
    await reader.select('الميناء الكبير');
    await page.getByRole('button', { name: 'Place on selected text' }).click();
    await expect.poll(() => reader.reviewItems().count()).toBe(0);
    await expect.poll(() => reader.highlights().then((h) => h['sanad-entity'])).toEqual(['ميناء الفاو', 'الميناء الكبير']);
  });
});

describe('the address', () => {
  it('takes a restarted server\'s new address in the open tab at once, and keeps the place across reload and back', async () => {
    await importSamples();
    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    // Restarted on the same address, with a new token: the tab's calls are refused until it has it.
    server = await restart({ samePort: true });
    await app.goToAnnotations();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Missing or wrong access token');
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    // The token is taken out of the address bar (and so out of history and screenshots) at once.
    expect(server.url).toContain('#token=');
    await expect.poll(() => page.url()).not.toContain('token');
    const again = await app.goToLibrary();
    expect((await again.waitForTitles(2)).sort()).toEqual([ENGLISH_TITLE, ARABIC_TITLE].sort());
    // The address says where the analyst is: reload and Back keep the place.
    const reader = await again.openArticle(ARABIC_TITLE);
    expect(new URL(page.url()).hash).toMatch(/^#\/reader\/\d+$/);
    await page.reload();
    await reader.text.waitFor();
    expect(await reader.text.innerText()).toContain(ARABIC_PASSAGE);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/library');
    await page.getByTestId('library-grid').waitFor();
  });
});

describe('claims and events', () => {
  /** Selects a passage in an article, presses Claim…, and answers the dialog as the analyst does. */
  async function claim(title: string, passage: string, expectedChain: string[], event: { create?: string; choose?: string; place?: { type: string; choose: string } }) {
    const reader = await (await app.goToLibrary()).openArticle(title);
    const dialog = await reader.claim(passage);
    // Sanad reads the passage for its sources: the chain after the outlet, the origin last.
    expect(await dialog.chain()).toEqual(expectedChain);
    await dialog.event(event);
    if (event.place) await dialog.place(event.place);
    await screenshot(page, `20-claim-dialog-${expectedChain.length}`);
    await dialog.save();
  }

  it('makes claims with the chains Sanad proposes, counts the Reuters-based ones once, and shows the event, the grid and the export', async () => {
    const summary = await app.importFiles([fixture('withdrawal-reports.json')]);
    await expect.poll(() => summary.innerText()).toContain('4 imported');
    await app.closeImportSummary();
    const event = 'انسحاب القوات الأمريكية من عين الأسد';
    await claim('بدء انسحاب القوات الأمريكية من عين الأسد', 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا', ['رويترز', 'خمسة مسؤولين أمريكيين'], { create: event });
    await claim('مسؤولون: الانسحاب من عين الأسد يستغرق أيامًا', 'بدأت الانسحاب من قاعدة عين الأسد', ['رويترز', 'خمسة مسؤولين أمريكيين'], { choose: event });
    await claim('اكتمال الانسحاب من قاعدة عين الأسد', 'انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل', ['مصادر مطلعة'], { choose: event });

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Events' }).click();
    await page.getByRole('button', { name: new RegExp(event) }).click();
    // Two outlets repeating Reuters's officials are one source; Kurdistan 24's own sources another.
    await expect.poll(() => page.locator('.event-detail > p.muted').innerText()).toContain('2 independent sources');
    expect(await page.getByTestId('event-claim').count()).toBe(3);
    expect(visible(await page.getByTestId('event-claim').first().innerText())).toContain('شفق نيوز → رويترز → خمسة مسؤولين أمريكيين (رويترز)');
    await page.getByRole('combobox', { name: 'Reliability: خمسة مسؤولين أمريكيين (رويترز)' }).first().selectOption('B');
    await expect.poll(() => page.getByTestId('event-claim').first().locator('.grade').innerText()).toBe('B?');
    // The source graph: both outlets lead to Reuters, drawn once.
    await page.getByTestId('source-graph').locator('canvas').first().waitFor();
    await page.getByRole('region', { name: 'Who cites whom' }).scrollIntoViewIfNeeded();
    await screenshot(page, '21-event-detail');
    await page.getByRole('region', { name: 'Who cites whom' }).getByRole('button', { name: 'رويترز', exact: true }).click();
    await expect.poll(() => page.getByTestId('claims-count').innerText()).toBe('2 matching claims');
    expect(await page.locator('.source-filter').innerText()).toContain('Claims through');
    await page.getByRole('button', { name: 'Show all claims' }).click();
    await expect.poll(() => page.getByTestId('claims-count').innerText()).toBe('3 claims');
    await page.getByRole('searchbox', { name: 'Filter claims…' }).fill('رويترز');
    await expect.poll(() => page.getByTestId('claims-count').innerText()).toBe('2 matching claims');
    await screenshot(page, '22-claims-grid');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFid,quote,statement')).toBe(true);
    expect(csv.trim().split('\n')).toHaveLength(3);

    await app.switchLanguage();
    await expect.poll(() => page.getByTestId('claims-count').innerText()).toBe('ادعاءان مطابقان');
    await screenshot(page, '22b-claims-grid-ar');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'الأحداث' }).click();
    await page.getByRole('button', { name: new RegExp(event) }).click();
    await expect.poll(() => page.locator('.event-detail > p.muted').innerText()).toContain('مصدران مستقلان');
    await screenshot(page, '21b-event-detail-ar');
    // Three claims made through the interface, on a 2-core machine: more than the default minute.
  }, 150_000);

  /** What a line or cell shows, without the invisible isolates around inserted names. */

  it('edits an event through its form (ACLED type and sub-type, place, actor), shows each source\'s values side by side with the disagreement named, and undoes', async () => {
    const summary = await app.importFiles([fixture('withdrawal-reports.json')]);
    await expect.poll(() => summary.innerText()).toContain('4 imported');
    await app.closeImportSummary();
    // The place and the actor are entities, added where entities are.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Entities' }).click();
    const addEntity = async (kind: string, name: string) => {
      await page.getByRole('combobox', { name: 'Kind of entity' }).selectOption({ label: kind });
      await page.getByRole('textbox', { name: 'Name' }).fill(name);
      await page.getByRole('button', { name: 'Add entity' }).click();
      await page.locator('.entity-list strong').getByText(name, { exact: true }).waitFor();
    };
    await addEntity('Place', 'قاعدة عين الأسد');
    await addEntity('Organisation', 'القوات الأمريكية');

    // Shafaq dates the agreement September 2024; Kurdistan 24's sources give September 2025.
    const event = 'اتفاق الانسحاب';
    await claim('بدء انسحاب القوات الأمريكية من عين الأسد', 'وكان الاتفاق بين بغداد وواشنطن قد وُقّع في أيلول 2024', [], { create: event, place: { type: 'عين الاسد', choose: 'قاعدة عين الأسد' } });
    await claim('اكتمال الانسحاب من قاعدة عين الأسد', 'الموعد النهائي للانسحاب هو أيلول 2025', ['المصادر'], { choose: event });

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Events' }).click();
    await page.getByRole('button', { name: new RegExp(event) }).click();
    // Each source's values side by side, the dates that disagree marked.
    const rows = page.getByTestId('source-report');
    await expect.poll(() => rows.count()).toBe(2);
    expect(visible(await rows.nth(0).innerText())).toMatch(/شفق نيوز[\s\S]*Supports\s+2024-09\s+قاعدة عين الأسد/);
    expect(visible(await rows.nth(1).innerText())).toContain('كردستان 24 → المصادر (كردستان 24)');
    expect(await page.locator('.reported-date mark.disagrees').allInnerTexts()).toEqual(['2024-09', '2025-09']);
    expect(await page.locator('.reported-place mark.disagrees').count()).toBe(0);
    // …and the contested panel says who differs on what.
    expect(visible(await page.getByTestId('disagreement').innerText())).toBe('Dates differ: شفق نيوز: 2024-09 vs كردستان 24 → المصادر (كردستان 24): 2025-09');
    // The place shows in the event's claims too.
    expect(await page.getByTestId('event-claim').first().innerText()).toContain('قاعدة عين الأسد');

    // Edit…: the form opens, and Escape closes it.
    await page.getByRole('button', { name: 'Edit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the event' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Edit…' }).click();
    await dialog.getByRole('combobox', { name: 'Type (ACLED)' }).selectOption({ label: 'Strategic developments' });
    await dialog.getByRole('combobox', { name: 'Sub-type' }).selectOption({ label: 'Agreement' });
    await dialog.getByLabel('Date (or start of a range)').fill('2024-09');
    await dialog.getByRole('combobox', { name: 'Choose the place' }).fill('عين');
    await dialog.getByRole('option', { name: /قاعدة عين الأسد/ }).click();
    // An actor is chosen with the keyboard: the first match, and Enter.
    const actor = dialog.getByRole('combobox', { name: 'Add an actor' });
    await actor.fill('القوات');
    await actor.press('ArrowDown');
    await actor.press('Enter');
    await dialog.getByRole('group', { name: 'Actors' }).getByTestId('entity-chip').filter({ hasText: 'القوات الأمريكية' }).waitFor();
    await dialog.getByLabel('Description').fill('اتفاق بغداد وواشنطن على انسحاب قوات التحالف.');
    await screenshot(page, '23a-event-dialog');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const summaryLine = page.locator('.event-detail > p.muted');
    await expect.poll(async () => visible(await summaryLine.innerText())).toBe('2024-09 · قاعدة عين الأسد · Strategic developments › Agreement · 2 independent sources');
    expect(await page.getByTestId('event-actors').innerText()).toBe('القوات الأمريكية');
    expect(await page.locator('.event-description').innerText()).toBe('اتفاق بغداد وواشنطن على انسحاب قوات التحالف.');
    await screenshot(page, '23-event-edited');
    await page.getByRole('region', { name: 'What each source reports' }).scrollIntoViewIfNeeded();
    await screenshot(page, '23d-source-reports');

    // Ctrl+Z takes the whole edit back, and says what it undid.
    await page.locator('.event-detail h1').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => visible(await page.locator('.notice').innerText())).toBe(`Undone: change to the event “${event}”`);
    await expect.poll(async () => visible(await summaryLine.innerText())).toBe('2 independent sources');
    expect(await page.getByTestId('event-actors').count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => visible(await summaryLine.innerText())).toContain('Strategic developments › Agreement');

    // In Arabic: the type in Arabic, the panel and the table mirrored.
    await app.switchLanguage();
    await expect.poll(async () => visible(await summaryLine.innerText())).toBe('2024-09 · قاعدة عين الأسد · تطورات استراتيجية › اتفاق · مصدران مستقلان');
    expect(visible(await page.getByTestId('disagreement').innerText())).toBe('التواريخ المذكورة مختلفة: شفق نيوز: 2024-09 مقابل كردستان 24 ← المصادر (كردستان 24): 2025-09');
    const source = await page.locator('.source-reports thead th').first().boundingBox();
    const figures = await page.locator('.source-reports thead th').last().boundingBox();
    expect(source!.x).toBeGreaterThan(figures!.x);
    await screenshot(page, '23b-event-edited-ar');
    await page.locator('.notice').waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'ما يذكره كل مصدر' }).scrollIntoViewIfNeeded();
    await screenshot(page, '23e-source-reports-ar');
    await page.getByRole('button', { name: 'تعديل…' }).click();
    const arabicDialog = page.getByRole('dialog', { name: 'تعديل الحدث' });
    expect(await arabicDialog.getByRole('combobox', { name: 'النوع الفرعي' }).locator('option:checked').innerText()).toBe('اتفاق');
    await arabicDialog.getByRole('combobox', { name: 'أضف جهة فاعلة' }).fill('عين');
    await arabicDialog.getByRole('listbox').getByRole('option').first().waitFor();
    await screenshot(page, '23c-event-dialog-ar');
    // Escape closes the list of matches first, then the dialog.
    await page.keyboard.press('Escape');
    await arabicDialog.getByRole('listbox').waitFor({ state: 'hidden' });
    expect(await arabicDialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await arabicDialog.waitFor({ state: 'hidden' });

    // Deleting asks first, and Ctrl+Z brings the event back with its claims.
    await page.getByRole('button', { name: 'حذف…' }).click();
    const confirm = page.getByRole('dialog', { name: `حذف الحدث «${inserted(event)}»` });
    expect(await confirm.innerText()).toContain('يُفكّ ربطه بادعاءين');
    await confirm.getByRole('button', { name: 'حذف', exact: true }).click();
    await page.getByText('لا أحداث بعد').waitFor();
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: new RegExp(event) }).click();
    await expect.poll(() => page.getByTestId('event-claim').count()).toBe(2);
  }, 150_000);
});

describe('persistence', () => {
  it('keeps articles and annotations when Sanad is stopped and started again', async () => {
    await importSamples();
    const reader = await (await app.goToLibrary()).openArticle(ARABIC_TITLE);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('2');
    await expect.poll(() => reader.sideList.count()).toBe(1);

    server = await restart();
    await app.open(server.url);
    const library = await app.goToLibrary();
    expect((await library.waitForTitles(2)).sort()).toEqual([ENGLISH_TITLE, ARABIC_TITLE].sort());
    const annotations = await app.goToAnnotations();
    await expect.poll(() => annotations.quotes()).toEqual([ARABIC_PASSAGE]);
    expect(await annotations.rowText(ARABIC_PASSAGE)).toContain('Source');
    await screenshot(page, '09-after-restart');
  });
});

describe('Arabic interface', () => {
  it('switches the interface to Arabic and mirrors the layout, and remembers the choice', async () => {
    await importSamples();
    await app.switchLanguage();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    await expect.poll(() => page.getByRole('navigation', { name: 'Screens' }).innerText()).toContain('المكتبة');
    const library = await app.goToLibrary();
    await library.waitForTitles(2);
    // The grid mirrors too: the first column (title) is now the right-most.
    const titleHeader = await library.grid.locator('.ag-header-cell[col-id="title"]').boundingBox();
    const outletHeader = await library.grid.locator('.ag-header-cell[col-id="outlet"]').boundingBox();
    expect(titleHeader!.x).toBeGreaterThan(outletHeader!.x);
    // Mirrored: the brand sits at the right edge, the import buttons towards the left.
    const brand = await page.locator('.brand').boundingBox();
    const importButtons = await page.locator('.import-controls').boundingBox();
    expect(brand!.x).toBeGreaterThan(importButtons!.x);
    await screenshot(page, '10-library-arabic-ui');
    // Dates are typed year first, in Western digits, not in the browser's mm/dd/yyyy.
    expect(await page.locator('.date-field').first().getAttribute('placeholder')).toBe('سنة-شهر-يوم');
    // The grid's own menus speak Arabic too.
    await library.grid.locator('.ag-header-cell[col-id="title"] .ag-header-cell-filter-button').click();
    await expect.poll(() => page.locator('.ag-filter').innerText()).toContain('يحتوي على');
    await page.keyboard.press('Escape');
    const reader = await library.openArticle(ARABIC_TITLE);
    // "Back to library" stays on one line.
    const back = await page.locator('.back-button').boundingBox();
    expect(back!.height).toBeLessThan(48);
    await reader.select(ARABIC_PASSAGE);
    await page.keyboard.press('1');
    await expect.poll(() => reader.sideList.count()).toBe(1);
    // The starter codebook's tags are named in Arabic.
    expect(await reader.sideList.first().locator('.tag-chip').innerText()).toBe('ادعاء');
    await screenshot(page, '11-reader-arabic-ui');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });
});
