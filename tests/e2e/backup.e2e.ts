/// <reference lib="dom" />
/**
 * Backing the library up and restoring it, as an analyst does: Backup… in the top bar, the
 * backup saved as a download, then the same file chosen to restore, and the library as it was
 * at the backup is back. A damaged file is refused with the reason, and the library stays.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { eachTestInAFreshLibrary, fixture, screenshot } from './harness';
import { inserted, type SanadApp } from './pages';

let page: Page;
let app: SanadApp;

eachTestInAFreshLibrary((session) => ({ page, app } = session), { acceptDownloads: true });

const PORT_CLOSURE = 'إغلاق ميناء الفاو مؤقتًا بعد اشتباكات ليلية';

/** Opens the Backup… dialog from the top bar (named in either language). */
async function openBackupDialog() {
  await page.getByRole('button', { name: /^(Backup…|نسخ احتياطي…)$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^(Back up and restore the library|النسخ الاحتياطي للمكتبة واستعادتها)$/ });
  await dialog.waitFor();
  return dialog;
}

/** Chooses `path` through Restore from a backup…, answering the file chooser it opens. */
async function chooseBackup(dialog: Awaited<ReturnType<typeof openBackupDialog>>, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^(Restore from a backup…|استعادة من نسخة احتياطية…)$/ }).click();
  await (await chooser).setFiles(path);
}

describe('backup and restore', () => {
  it('backs the library up to a download, restores it through the file chooser, and the library is as it was; a damaged file changes nothing', async () => {
    await app.importFiles([fixture('ar-port-closure.txt')]);
    await app.closeImportSummary();
    const library = await app.goToLibrary();
    await library.waitForTitles(1);

    let dialog = await openBackupDialog();
    await screenshot(page, 'backup-01-dialog-en');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Back up the library' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sanad-\d{4}-\d{2}-\d{2}-\d{4}\.sanad-backup$/);
    const saved = join(tempDir(), download.suggestedFilename());
    await download.saveAs(saved);
    await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(/^Saved .*\.sanad-backup.: 1 article\. Keep it somewhere safe\.$/);
    // A zip holding the library and its manifest.
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');
    await screenshot(page, 'backup-02-saved-en');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // After the backup, another article comes in.
    await app.importFiles([fixture('en-port-briefing.txt')]);
    await app.closeImportSummary();
    await library.waitForTitles(2);
    expect(await library.count()).toBe('2 articles');

    // A backup cut short is refused, naming what is wrong, and the library stays as it is.
    const cut = join(tempDir(), 'cut.sanad-backup');
    writeFileSync(cut, readFileSync(saved).subarray(0, 2000));
    dialog = await openBackupDialog();
    await chooseBackup(dialog, cut);
    await dialog.getByRole('button', { name: 'Replace the library' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain(`“${inserted('cut.sanad-backup')}” is not a Sanad backup, or it is cut short`);
    expect(await dialog.getByRole('alert').innerText()).toMatch(/Nothing was restored\.$/);
    await screenshot(page, 'backup-03-refused-en');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await library.count()).toBe('2 articles');

    // The backup itself: asked first, then restored, saying where the library as it was is kept.
    dialog = await openBackupDialog();
    await chooseBackup(dialog, saved);
    const confirm = dialog.getByRole('group', { name: 'Replace the library' });
    expect(await confirm.innerText()).toContain('Replace the current library with the backup');
    await screenshot(page, 'backup-04-confirm-en');
    await confirm.getByRole('button', { name: 'Replace the library' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText(), { timeout: 20_000 }).toMatch(/^Restored .*: 1 article, as backed up on .*\. The library as it was is kept as .*sanad\.sqlite\.before-restore-/);
    await screenshot(page, 'backup-05-restored-en');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => library.count()).toBe('1 article');
    expect(await library.titles()).toEqual([PORT_CLOSURE]);

    // In Arabic: the dialog, and a refusal in the interface language.
    await app.switchLanguage();
    dialog = await openBackupDialog();
    await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'انسخ المكتبة احتياطيًا' }).click()]);
    await expect.poll(() => dialog.getByRole('status').innerText()).toMatch(/^حُفظ .*\.sanad-backup.: مقال واحد\. احفظه في مكان آمن\.$/);
    await screenshot(page, 'backup-06-saved-ar');
    await chooseBackup(dialog, cut);
    await screenshot(page, 'backup-07-confirm-ar');
    await dialog.getByRole('button', { name: 'استبدل المكتبة' }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toContain(`الملف «${inserted('cut.sanad-backup')}» ليس نسخة احتياطية من سند، أو أنه مبتور`);
    expect(await dialog.getByRole('alert').innerText()).toMatch(/لم يُستعَد شيء\.$/);
    await screenshot(page, 'backup-08-refused-ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  });
});
