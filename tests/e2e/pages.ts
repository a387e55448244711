/// <reference lib="dom" />
/** Page objects: one class per screen, so tests read like what an analyst does. */
import type { Locator, Page } from 'playwright-core';

/**
 * Text the interface inserts into a sentence (a name, a quote) as it shows it: wrapped in an
 * invisible first-strong isolate, so its direction does not disturb the sentence around it.
 */
export function inserted(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The app shell: navigation, import and language. */
export class SanadApp {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('navigation', { name: 'Screens' }).waitFor();
  }

  /** Clicks Import files, as the analyst does, and answers the file chooser it opens. */
  async importFiles(paths: string[]): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /^(Import files|استيراد ملفات)$/ }).click();
    await (await chooser).setFiles(paths);
    const summary = this.page.getByRole('alert', { name: 'Import summary' });
    await summary.waitFor();
    return summary;
  }

  /** Drops files on the window, as dragging them from the file manager does. */
  async dropFiles(files: { name: string; text: string }[]): Promise<Locator> {
    await this.page.evaluate((dropped) => {
      const transfer = new DataTransfer();
      for (const f of dropped) transfer.items.add(new File([f.text], f.name, { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
    const summary = this.page.getByRole('alert', { name: 'Import summary' });
    await summary.waitFor();
    return summary;
  }

  /** Pastes text as a new article through the Paste text dialog. */
  async paste(title: string, body: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Paste text' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Paste an article' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Article text').fill(body);
    await dialog.getByRole('button', { name: 'Add to the library' }).click();
    const summary = this.page.getByRole('alert', { name: 'Import summary' });
    await summary.waitFor();
    return summary;
  }

  async closeImportSummary(): Promise<void> {
    await this.page.getByRole('alert', { name: 'Import summary' }).getByRole('button', { name: /^(Close|إغلاق)$/ }).click();
  }

  async switchLanguage(): Promise<void> {
    await this.page.locator('.language-toggle').click();
  }

  async goToLibrary(): Promise<LibraryPage> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button').nth(0).click();
    return new LibraryPage(this.page);
  }

  /** Opens a screen by its tab, named in either language. */
  async goTo(tab: RegExp): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: tab }).click();
  }

  async goToTimeline(): Promise<TimelinePage> {
    await this.goTo(/^(Timeline|الخط الزمني)$/);
    const timeline = new TimelinePage(this.page);
    await timeline.list.waitFor();
    return timeline;
  }

  async goToAnnotations(): Promise<AnnotationsPage> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button').nth(1).click();
    const annotations = new AnnotationsPage(this.page);
    await annotations.grid.waitFor();
    return annotations;
  }
}

/** Rows of an AG Grid, as the text of one column. */
async function columnTexts(grid: Locator, colId: string): Promise<string[]> {
  await grid.locator('.ag-root').waitFor();
  return grid.locator(`.ag-cell[col-id="${colId}"]`).allInnerTexts();
}

/** The library grid. */
export class LibraryPage {
  readonly grid: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByTestId('library-grid');
  }

  titles(): Promise<string[]> {
    return columnTexts(this.grid, 'title');
  }

  async waitForTitles(count: number): Promise<string[]> {
    await this.grid.locator('.ag-cell[col-id="title"]').nth(count - 1).waitFor();
    return this.titles();
  }

  /** The count above the grid: "N articles", or "N matching articles" under a filter. */
  count(): Promise<string> {
    return this.page.getByTestId('library-count').innerText();
  }

  /** Opens a column's filter from its header, as the analyst does, and types into it. */
  async filterColumn(colId: string, text: string): Promise<void> {
    await this.grid.locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-filter-button`).click();
    const input = this.page.locator('.ag-filter .ag-filter-body input').first();
    await input.fill(text);
    await this.page.keyboard.press('Escape');
  }

  /** Types a search, as the analyst does, and waits for the results grid to settle on `count` rows. */
  async search(query: string): Promise<SearchResults> {
    await this.page.locator('.library .search-input').fill(query);
    const results = new SearchResults(this.page);
    await results.grid.locator('.ag-root').waitFor();
    return results;
  }

  /** Adds a group of spelling variants in the Spelling variants dialog, then closes it. */
  async addSpellingVariants(terms: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Spelling variants' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Spelling variants' });
    await dialog.getByRole('textbox').fill(terms);
    await dialog.getByRole('button', { name: 'Add group' }).click();
    await dialog.getByText(terms.split(/[,،]\s*/).join(' · ')).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
  }

  async editCell(row: string, colId: string, value: string): Promise<void> {
    const cell = this.grid.locator('.ag-row', { hasText: row }).locator(`.ag-cell[col-id="${colId}"]`);
    await cell.dblclick();
    const editor = this.grid.locator('.ag-cell-inline-editing input');
    await editor.fill(value);
    await editor.press('Enter');
  }

  /** Ticks the box that selects a row. */
  async tickRow(row: string): Promise<void> {
    await this.grid.locator('.ag-row', { hasText: row }).getByRole('checkbox').check();
  }

  /** The markers on articles that lack an outlet or a date (named for what is missing, in either language). */
  missingMarkers(): Locator {
    return this.grid.getByRole('img', { name: /^(No outlet|No date|بلا وسيلة|بلا تاريخ)/ });
  }

  cellText(row: string, colId: string): Promise<string> {
    return this.grid.locator('.ag-row', { hasText: row }).locator(`.ag-cell[col-id="${colId}"]`).innerText();
  }

  async openArticle(titleStart: string): Promise<ReaderPage> {
    await this.grid.locator('.ag-cell[col-id="title"]', { hasText: titleStart }).first().click();
    const reader = new ReaderPage(this.page);
    await reader.text.waitFor();
    return reader;
  }
}

/** The Source details dialog: one outlet, URL and date for many articles. */
export class SourceDetailsDialog {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^(Source details|بيانات المصدر)$/ });
  }

  /** Types into the fields named by their labels (in the interface language). */
  async fill(fields: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await this.dialog.getByLabel(label, { exact: true }).fill(value);
  }

  /** Saves, and waits for the dialog to close. */
  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Save|حفظ)$/ }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}

/** The search results grid. */
export class SearchResults {
  readonly grid: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByTestId('search-results');
  }

  titles(): Promise<string[]> {
    return columnTexts(this.grid, 'title');
  }

  /** The words marked in each result's snippet. */
  marks(): Promise<string[]> {
    return this.grid.locator('.ag-cell[col-id="snippet"] mark').allInnerTexts();
  }
}

/** The reader: the article text, the selection toolbar, the side list. */
export class ReaderPage {
  readonly text: Locator;
  readonly sideList: Locator;
  constructor(readonly page: Page) {
    this.text = page.getByTestId('article-text');
    this.sideList = page.locator('.annotation-list li');
  }

  /** Selects the first occurrence of `passage` in the article, as a drag with the mouse would. */
  async select(passage: string): Promise<void> {
    const found = await this.text.evaluate((container, wanted) => {
      for (const p of container.querySelectorAll('p')) {
        const node = p.firstChild;
        const index = node?.textContent?.indexOf(wanted) ?? -1;
        if (node && index >= 0) {
          window.getSelection()!.setBaseAndExtent(node, index, node, index + wanted.length);
          return true;
        }
      }
      return false;
    }, passage);
    if (!found) throw new Error(`passage not in the article: ${passage}`);
    await this.page.getByRole('toolbar').waitFor();
  }

  /** Selects a passage and presses Claim…; resolves once Sanad has read the passage for its sources. */
  async claim(passage: string): Promise<ClaimDialog> {
    await this.select(passage);
    await this.page.getByRole('toolbar').getByRole('button', { name: 'Claim…' }).click();
    const dialog = new ClaimDialog(this.page);
    await dialog.proposed();
    return dialog;
  }

  /** Replaces text in the Edit text dialog and saves; returns the re-anchoring report shown. */
  async editText(edit: (text: string) => string): Promise<string> {
    await this.page.getByRole('button', { name: 'Edit text' }).click();
    const box = this.page.getByRole('dialog', { name: 'Edit the article text' }).getByRole('textbox');
    await box.fill(edit(await box.inputValue()));
    await this.page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    const report = this.page.locator('.reanchor-report');
    await report.waitFor();
    return report.innerText();
  }

  /** The annotations waiting for review, as their text shows. */
  reviewItems(): Locator {
    return this.page.getByTestId('review-item');
  }

  /** The text under each highlight currently drawn, by highlight name. */
  highlights(): Promise<Record<string, string[]>> {
    return this.page.evaluate(() => {
      const result: Record<string, string[]> = {};
      CSS.highlights.forEach((highlight, name) => {
        result[name] = [...highlight].map((range) => range.toString());
      });
      return result;
    });
  }

  /** How many DOM nodes each paragraph holds: 1 means highlighting left the text whole. */
  paragraphNodeCounts(): Promise<number[]> {
    return this.text.evaluate((container) => [...container.querySelectorAll('p')].map((p) => p.childNodes.length));
  }
}

/** The annotations grid. */
export class AnnotationsPage {
  readonly grid: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByTestId('annotations-grid');
  }

  quotes(): Promise<string[]> {
    return columnTexts(this.grid, 'exact');
  }

  async rowText(quote: string): Promise<string> {
    return this.grid.locator('.ag-row', { hasText: quote }).innerText();
  }

  /** Edits a cell in place, as a double-click and typing do. */
  async editCell(quote: string, colId: string, value: string): Promise<void> {
    await this.grid.locator('.ag-row', { hasText: quote }).locator(`.ag-cell[col-id="${colId}"]`).dblclick();
    const editor = this.grid.locator('.ag-cell-inline-editing input');
    await editor.fill(value);
    await editor.press('Enter');
  }

  /** The group-by panel's groups as shown: name and count. */
  groups(): Promise<string[]> {
    return this.page.getByRole('complementary', { name: 'Group by' }).getByRole('listitem').evaluateAll((items) => items.map((i) => (i as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  }

  /** Chooses what the panel groups by, and then one group by its name. */
  async showGroup(by: 'Tag' | 'Article', name: string): Promise<void> {
    const panel = this.page.getByRole('complementary', { name: 'Group by' });
    await panel.getByRole('combobox').selectOption({ label: by });
    await panel.getByRole('button', { name }).click();
  }

  async open(quote: string): Promise<ReaderPage> {
    await this.grid.locator('.ag-cell[col-id="exact"]', { hasText: quote }).click();
    const reader = new ReaderPage(this.page);
    await reader.text.waitFor();
    return reader;
  }
}

/** The claim dialog: New claim on a passage, or Edit claim on a saved one (named in either language). */
export class ClaimDialog {
  readonly dialog: Locator;
  constructor(
    readonly page: Page,
    title: string | RegExp = 'New claim',
  ) {
    this.dialog = this.page.getByRole('dialog', { name: title });
  }

  /** Waits until Sanad has proposed the chain (and the date it read), which the analyst then corrects. */
  async proposed(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save the claim' }).and(this.page.locator(':enabled')).waitFor();
  }

  /** The chain's sources as proposed, the outlet left out. */
  chain(): Promise<string[]> {
    return this.dialog.getByTestId('chain-link').locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  }

  /** Chooses whether the source asserts, denies or speculates, by the option's name. */
  async stance(stance: string): Promise<void> {
    await this.dialog.getByLabel('Stance').selectOption({ label: stance });
  }

  /** Types the date the passage reports. */
  async date(date: string): Promise<void> {
    await this.dialog.getByLabel('Reported date').fill(date);
  }

  /** Links the claim to an event: an existing one by title, or a new one. */
  async event({ create, choose }: { create?: string; choose?: string }): Promise<void> {
    if (create) await this.dialog.getByLabel('or a new event').fill(create);
    if (choose) await this.dialog.getByRole('combobox', { name: /^Event/ }).selectOption({ label: choose });
  }

  /** Sets the place the claim reports: types part of its name and picks it from the matches. */
  async place({ type, choose }: { type: string; choose: string }): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Choose the place' }).fill(type);
    await this.dialog.getByRole('option', { name: new RegExp(choose) }).click();
    await this.dialog.getByRole('group', { name: 'Place' }).getByTestId('entity-chip').filter({ hasText: choose }).waitFor();
  }

  /** Saves, and waits for the notice that the claim was saved. */
  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save the claim' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Claim saved' }).waitFor();
  }

  /** What Sanad suggests for the credibility, as the dialog says it. */
  suggestion(): Promise<string> {
    return this.dialog.getByTestId('credibility-suggestion').innerText();
  }

  /** The credibility chosen, as the list shows it. */
  credibility(): Promise<string> {
    return this.dialog.getByRole('combobox', { name: /^(Credibility|المصداقية)/ }).locator('option:checked').innerText();
  }

  /** The grade the claim will have, as the dialog shows it. */
  grade(): Promise<string> {
    return this.dialog.getByTestId('dialog-grade').locator('.grade').innerText();
  }
}

/** The claims grid, its toolbar (Columns, Views, Export) and the filters in its column headers. */
export class ClaimsPage {
  readonly grid: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByTestId('claims-grid');
  }

  /** The count above the grid ("3 claims"). */
  count(): Promise<string> {
    return this.page.getByTestId('claims-count').innerText();
  }

  /** Opens a column's filter with the filter button in its header, as the analyst does; returns the filter shown. */
  async openFilter(colId: string): Promise<Locator> {
    await this.grid.locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-filter-button`).click();
    const filter = this.page.locator('.ag-filter');
    await filter.waitFor();
    return filter;
  }

  /** Closes an open filter with Escape. */
  async closeFilter(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.ag-filter').waitFor({ state: 'hidden' });
  }

  /** Opens one of the toolbar's menus (Columns, Views) by its name; returns its panel. */
  async openMenu(name: RegExp): Promise<Locator> {
    const menu = this.page.locator('details.menu', { has: this.page.locator('summary', { hasText: name }) });
    await menu.locator('summary').click();
    const panel = menu.locator('.menu-panel');
    await panel.waitFor();
    return panel;
  }

  /** The column ids of the headers shown, in order. */
  headers(): Promise<string[]> {
    return this.grid.locator('.ag-header-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('col-id') ?? ''));
  }

  /** Clicks a button of the toolbar and answers the download it starts; returns the file's path. */
  async download(button: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    return download.path();
  }
}

/** The timeline: its filters, the drawing and the list of the same events. */
export class TimelinePage {
  readonly drawing: Locator;
  readonly list: Locator;
  constructor(readonly page: Page) {
    this.drawing = page.getByTestId('event-timeline');
    this.list = page.getByRole('region', { name: /^(Events in date order|الأحداث حسب التاريخ)$/ });
  }

  /** The items drawn in the timeline's visible window, as their text reads. */
  items(): Promise<string[]> {
    return this.drawing.locator('.vis-item .vis-item-content').evaluateAll((items) => items.map((i) => (i as HTMLElement).innerText.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim()));
  }

  /** The rows' labels: each event's title (with its mark), and the row of its sources' dates. */
  rows(): Promise<string[]> {
    return this.drawing.locator('.vis-label .vis-inner').evaluateAll((labels) => labels.map((l) => (l as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  }

  /** The events listed beside the drawing, each as its text reads. */
  listed(): Promise<string[]> {
    return this.list.getByTestId('timeline-event').evaluateAll((items) => items.map((i) => (i as HTMLElement).innerText.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim()));
  }

  /** Chooses a filter's option, both named as the screen shows them. */
  async filter(label: string, option: string): Promise<void> {
    await this.page.getByRole('group', { name: /^(Filter the events|تصفية الأحداث)$/ }).getByLabel(label).selectOption({ label: option });
  }

  /** How far apart two items are drawn, across the time axis, in pixels: it grows as the timeline zooms in. */
  async distance(from: string, to: string): Promise<number> {
    const [a, b] = await Promise.all([from, to].map((text) => this.drawing.locator('.vis-item', { hasText: text }).first().boundingBox()));
    return Math.abs(b!.x + b!.width / 2 - (a!.x + a!.width / 2));
  }

  /** Clicks an item of the drawing, found by its text. */
  async click(text: string): Promise<void> {
    await this.drawing.locator('.vis-item', { hasText: text }).first().click();
  }
}

/** Text as a reader sees it: without the invisible marks that keep each name whole in a line of the other direction. */
export function visible(text: string): string {
  return text.replace(/[\u2068\u2069]/g, '');
}

/** The reports screen: the new-report form, the editor of the chosen report, its preview and exports. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  /** Makes a report titled `title` quoting these events, as the analyst does with the form. */
  async create(title: string, events: string[]): Promise<void> {
    await this.page.getByRole('textbox', { name: /^(Report title|عنوان التقرير)$/ }).first().fill(title);
    for (const event of events) await this.page.getByRole('checkbox', { name: event }).check();
    await this.page.getByRole('button', { name: /^(Create report|إنشاء التقرير)$/ }).click();
    await this.page.locator('.report-editor').waitFor();
  }

  /** The quotes and event titles of the report's items, in their order in the editor. */
  items(): Promise<string[]> {
    return this.page.locator('.report-item').evaluateAll((items) => items.map((item) => (item.querySelector('q, bdi')?.textContent ?? '').trim()));
  }

  /** The preview's text (the HTML export, in its sandboxed frame). */
  previewText(): Promise<string> {
    return this.page.frameLocator('iframe.report-preview').locator('body').innerText();
  }

  /** Clicks an export button and answers the download it starts; returns the file's path. */
  async download(button: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    return download.path();
  }
}
