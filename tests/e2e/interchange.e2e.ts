/**
 * The Exchange dialog as an analyst uses it: a REFI-QDA project from another QDA tool brought in
 * through the file chooser (what could not come across named), the library downloaded as a
 * .qdpx and the annotations as CSV, and in Arabic the events as ACLED's CSV.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eachTestInAFreshLibrary, fixture, screenshot } from './harness';
import type { SanadApp } from './pages';

let page: Page;
let app: SanadApp;

eachTestInAFreshLibrary((session) => ({ page, app } = session));

/** Opens the Exchange dialog from the top bar. */
async function openExchange(name: RegExp): Promise<Locator> {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

/** Clicks an export button and resolves to the downloaded file's name and bytes. */
async function download(dialog: Locator, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('exchange with other tools', () => {
  it('imports a REFI-QDA project through the file chooser, then exports the library as .qdpx, annotations as CSV and, in Arabic, events as ACLED CSV', async () => {
    let dialog = await openExchange(/^Exchange…$/);
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Import REFI-QDA project…' }).click();
    await (await chooser).setFiles([fixture('refi-qda/other-tool-project.qdpx')]);
    const status = dialog.getByRole('status');
    await expect.poll(() => status.innerText()).toBe('2 articles, 3 annotations, 3 new tags.');
    // The parts that could not come across are named with the reason.
    await expect.poll(() => dialog.getByRole('listitem').allInnerTexts()).toEqual([
      'selection 10–5000 of source "Faw port <briefing> & notes": it lies outside the source\'s text of 83 characters',
      'source "scan.pdf": it is a pdf source; Sanad imports text sources',
    ]);
    await screenshot(page, 'interchange-01-project-imported-en');

    const project = await download(dialog, 'REFI-QDA project (.qdpx)');
    expect(project.name).toMatch(/^sanad-project-\d{4}-\d{2}-\d{2}\.qdpx$/);
    const qde = await (await JSZip.loadAsync(project.bytes)).file('project.qde')!.async('string');
    expect(qde).toContain('name="Faw port &lt;briefing&gt; &amp; notes"');
    expect(qde.match(/<Coding /g)).toHaveLength(4);
    // The file's name is isolated (FSI…PDI) in the message, so it reads whole in either direction.
    await expect.poll(() => status.innerText()).toMatch(/^Saved \u2068sanad-project-[\d-]+\.qdpx\u2069\.$/);

    const annotations = parse((await download(dialog, 'Annotations, CSV')).bytes, { columns: true, bom: true }) as Record<string, string>[];
    expect(annotations.map((row) => [row.quote, row.tags]).sort()).toEqual([
      ['Faw port closed', 'Infrastructure'],
      ['the port would reopen on Sunday', 'Ports & harbours; مصدر رسمي'],
      ['إغلاق ميناء الفاو', 'مصدر رسمي'],
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('library-count').innerText()).toBe('2 articles');

    await app.switchLanguage();
    dialog = await openExchange(/^تبادل…$/);
    const acled = await download(dialog, 'الأحداث بصيغة \u2066ACLED CSV\u2069');
    expect(acled.name).toMatch(/^sanad-events-acled-\d{4}-\d{2}-\d{2}\.csv$/);
    await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(/^حُفظ \u2068sanad-events-acled-[\d-]+\.csv\u2069\.$/);
    expect(acled.bytes.toString('utf8').split('\n')[0]).toBe(
      '\uFEFFevent_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,source,source_scale,notes,fatalities,tags',
    );
    await screenshot(page, 'interchange-02-dialog-ar');
  });
});
