/// <reference lib="dom" />
/**
 * Attribution as the analyst works it in browser mode: sources named side by side proposed as
 * separate attributions in the claim dialog, no figure read from an outlet's name, and two names
 * of one unnamed source merged in the Entities screen, then the merge undone.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eachTestInAFreshLibrary, fixture, screenshot } from './harness';
import { SanadApp, visible } from './pages';

const ARABIC_TITLE = 'تقليص القوات الأميركية يشمل عين الأسد';
const ENGLISH_TITLE = 'US drawdown to include Ain al-Asad';

let page: Page;
let app: SanadApp;

eachTestInAFreshLibrary((session) => ({ page, app } = session));

async function importReports() {
  const summary = await app.importFiles([fixture('parallel-sources.json')]);
  await expect.poll(() => summary.innerText()).toContain('2 imported');
  await app.closeImportSummary();
}

/** Selects a passage in an article and presses Claim…, as the analyst does; returns the dialog once Sanad has read the passage. */
async function openClaimDialog(title: string, passage: string): Promise<Locator> {
  const reader = await (await app.goToLibrary()).openArticle(title);
  await reader.select(passage);
  await page.getByRole('toolbar').getByRole('button', { name: /^(Claim…|ادعاء…)$/ }).click();
  const dialog = page.getByRole('dialog', { name: /^(New claim|ادعاء جديد)$/ });
  await dialog.getByTestId('chain-link').first().waitFor();
  return dialog;
}

/** The names in the chain being edited, the outlet left out. */
const chainIn = (dialog: Locator) => dialog.getByTestId('chain-link').locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

/** The parallel chains offered beside it, as shown. */
const parallelIn = async (dialog: Locator) => (await dialog.getByTestId('parallel-chain').locator('.parallel-chain').allInnerTexts()).map(visible);

describe('sources named side by side', () => {
  it('proposes each as a separate attribution, saves a claim for each the analyst keeps, and reads no figure from an outlet\'s name', async () => {
    await importReports();
    // "قالت وزارة الدفاع العراقية ووكالة رويترز إن …": the ministry and Reuters, neither citing the other.
    let dialog = await openClaimDialog(ARABIC_TITLE, 'آخر المستشارين غادروا القاعدة');
    expect(await chainIn(dialog)).toEqual(['وزارة الدفاع العراقية']);
    expect(await parallelIn(dialog)).toEqual(['العربية → رويترز']);
    await screenshot(page, '30-claim-parallel-sources');
    await dialog.getByRole('checkbox', { name: /^Save a separate claim attributed to .*رويترز.* too$/ }).check();
    await dialog.getByRole('button', { name: 'Save the claim' }).click();
    await page.getByRole('status').filter({ hasText: '2 claims saved, one for each attribution.' }).waitFor();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Claims' }).click();
    await expect.poll(() => page.getByTestId('claims-count').innerText()).toBe('2 claims');
    await page.getByRole('searchbox', { name: 'Filter claims…' }).fill('رويترز');
    await expect.poll(() => page.getByTestId('claims-count').innerText()).toBe('1 matching claim');

    // A statement made to two outlets, read in one of them: its own sources, or those of its sister outlet.
    dialog = await openClaimDialog(ARABIC_TITLE, 'تقليص القوات الأميركية سيشمل قاعدة عين الأسد');
    expect(await chainIn(dialog)).toEqual(['مصادر مطلعة']);
    expect(await parallelIn(dialog)).toEqual(['العربية → الحدث.نت → مصادر مطلعة']);
    await dialog.getByRole('button', { name: /^Use .*الحدث\.نت.* as the chain$/ }).click();
    expect(await chainIn(dialog)).toEqual(['الحدث.نت', 'مصادر مطلعة']);
    expect(await parallelIn(dialog)).toEqual(['العربية → مصادر مطلعة']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // "وبحسب قناة كردستان 24، فإن 300 جندي …": one figure, 300 soldiers; 24 is the channel's name.
    dialog = await openClaimDialog(ARABIC_TITLE, 'وبحسب قناة كردستان 24، فإن 300 جندي وصلوا إلى أربيل');
    expect(await chainIn(dialog)).toEqual(['كردستان 24']);
    expect(await dialog.locator('.figure-chip').allInnerTexts()).toEqual([expect.stringMatching(/^300 جندي/)]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // English: "according to Reuters and AFP".
    dialog = await openClaimDialog(ENGLISH_TITLE, 'The last advisers left the base on Sunday evening');
    expect(await chainIn(dialog)).toEqual(['Reuters']);
    expect(await parallelIn(dialog)).toEqual(['Al Arabiya → AFP']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await app.switchLanguage();
    dialog = await openClaimDialog(ARABIC_TITLE, 'آخر المستشارين غادروا القاعدة');
    expect(await dialog.getByRole('group', { name: /جنبًا إلى جنب/ }).getByRole('checkbox', { name: /^حفظ ادعاء مستقل منسوب إلى .*رويترز.* أيضًا$/ }).count()).toBe(1);
    await screenshot(page, '30b-claim-parallel-sources-ar');
    // Four dialogs on a 2-core machine: more than the default minute.
  }, 150_000);
});

describe('merging sources', () => {
  it('merges two names of one unnamed source in the Entities screen, its claims with it, and undoes the merge', async () => {
    await importReports();
    for (const [title, passage, chain] of [
      [ARABIC_TITLE, 'تقليص القوات الأميركية سيشمل قاعدة عين الأسد', 'مصادر مطلعة'],
      [ENGLISH_TITLE, 'the US drawdown would include Ain al-Asad air base', 'Informed sources'],
    ] as const) {
      const dialog = await openClaimDialog(title, passage);
      expect(await chainIn(dialog)).toEqual([chain]);
      await dialog.getByRole('button', { name: 'Save the claim' }).click();
      await page.getByRole('status').filter({ hasText: 'Claim saved' }).waitFor();
    }
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Entities' }).click();
    const names = () => page.locator('.entity-list strong').allInnerTexts();
    // Each outlet's informed sources are its own until the analyst says they are the same.
    await expect.poll(names).toEqual(expect.arrayContaining(['مصادر مطلعة (العربية)', 'Informed sources (Al Arabiya)']));
    await page.locator('.entity-list button').filter({ hasText: 'Informed sources (Al Arabiya)' }).click();
    const merge = page.getByRole('form', { name: /^Merge .*Informed sources \(Al Arabiya\).* into another source$/ });
    await merge.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'مصادر مطلعة (العربية) · Unnamed source' });
    await merge.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => page.locator('.entity-page h2').innerText()).toContain('مصادر مطلعة (العربية)');
    // The list follows once it has fetched the entities again.
    await expect.poll(names).not.toContain('Informed sources (Al Arabiya)');
    // The merged name is an alias of the one kept.
    await expect.poll(() => page.locator('.entity-list li[aria-current="true"]').innerText()).toContain('Informed sources (Al Arabiya)');
    await screenshot(page, '31-merge-source');

    // Both claims now come from one source.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Claims' }).click();
    await page.getByRole('searchbox', { name: 'Filter claims…' }).fill('مصادر مطلعة');
    await expect.poll(() => page.getByTestId('claims-count').innerText()).toBe('2 claims');

    // Undone as one step.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('status').last().innerText()).toMatch(/^Undone: .*merge into “.*مصادر مطلعة \(العربية\).*” of the source.* “.*Informed sources \(Al Arabiya\).*”/);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Entities' }).click();
    await expect.poll(names).toEqual(expect.arrayContaining(['مصادر مطلعة (العربية)', 'Informed sources (Al Arabiya)']));

    await app.switchLanguage();
    await page.locator('.entity-list button').filter({ hasText: 'Informed sources (Al Arabiya)' }).click();
    await page.getByRole('form', { name: /^دمج .*Informed sources \(Al Arabiya\).* في مصدر آخر$/ }).getByRole('combobox', { name: 'دمج في' }).waitFor();
    await screenshot(page, '31b-merge-source-ar');
  }, 120_000);
});
