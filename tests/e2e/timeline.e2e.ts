/// <reference lib="dom" />
/**
 * The events timeline as an analyst uses it: events and claims made through the interface, the
 * timeline showing each source's date of a withdrawal its sources date two days apart, marked
 * contested in words, a filter by source, a click through to the event, and the Arabic timeline
 * running right to left with Arabic month names.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eachTestInAFreshLibrary, fixture, screenshot } from './harness';
import { SanadApp } from './pages';

const WITHDRAWAL = 'انسحاب القوات الأمريكية من عين الأسد';
const DENIAL = 'Ministry denies completion';

let page: Page;
let app: SanadApp;

eachTestInAFreshLibrary((session) => ({ page, app } = session));

/** Makes a claim of a passage, as the analyst does in the reader, with the date it reports, on an event. */
async function claim(title: string, passage: string, date: string, event: { create?: string; choose?: string }) {
  const reader = await (await app.goToLibrary()).openArticle(title);
  const dialog = await reader.claim(passage);
  await dialog.date(date);
  await dialog.event(event);
  await dialog.save();
}

describe('the events timeline', () => {
  it('shows each source\'s date of an event its sources date differently, marked contested, filters by source, and opens the event clicked', async () => {
    const summary = await app.importFiles([fixture('withdrawal-reports.json')]);
    await expect.poll(() => summary.innerText()).toContain('4 imported');
    await app.closeImportSummary();
    // The event, dated as the first reports date it.
    await app.goTo(/^Events$/);
    await page.getByLabel('Title', { exact: true }).fill(WITHDRAWAL);
    await page.getByLabel('Reported date').fill('2025-08-24');
    await page.getByRole('button', { name: 'Create the event' }).click();
    await page.getByRole('heading', { name: WITHDRAWAL }).waitFor();
    // Shafaq (through Reuters) dates the withdrawal the 24th; Kurdistan 24's sources the 26th.
    await claim('بدء انسحاب القوات الأمريكية من عين الأسد', 'الانسحاب بدأ بشكل مفاجئ وسيستغرق أيامًا', '2025-08-24', { choose: WITHDRAWAL });
    await claim('اكتمال الانسحاب من قاعدة عين الأسد', 'انسحاب القوات الأمريكية من قاعدة عين الأسد اكتمل', '2025-08-26', { choose: WITHDRAWAL });
    // A second event, with no date of its own: its one source's date places it.
    await claim('Pentagon denies full withdrawal', 'the withdrawal from Ain al-Asad had not been completed', '2025-08-26', { create: DENIAL });

    const timeline = await app.goToTimeline();
    await expect.poll(() => timeline.items()).toEqual(expect.arrayContaining([`Contested ${WITHDRAWAL}`, 'شفق نيوز → خمسة مسؤولين أمريكيين (رويترز) 2025-08-24', 'كردستان 24 → مصادر مطلعة (كردستان 24) 2025-08-26', 'Example Wire → Iraqi Ministry of Defence 2025-08-26']));
    expect(await timeline.rows()).toEqual([`Contested ${WITHDRAWAL}`, "Each source's date", DENIAL, "Each source's date"]);
    // The contested mark is words as well as colour.
    expect(await timeline.drawing.locator('.vis-item.contested', { hasText: 'كردستان 24' }).count()).toBe(1);
    // The list beside it says the same for the keyboard and screen readers, with each source's chain.
    const listed = await timeline.listed();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toContain(`${WITHDRAWAL} 2025-08-24`);
    expect(listed[0]).toContain('Contested the dates reported differ');
    expect(listed[0]).toContain('2025-08-24 شفق نيوز → خمسة مسؤولين أمريكيين (رويترز)');
    expect(listed[0]).toContain('2025-08-26 كردستان 24 → مصادر مطلعة (كردستان 24)');
    expect(listed[1]).toContain(`${DENIAL} No date`);
    await screenshot(page, 'timeline-01-en');

    // Zooming: out draws the two days closer, in further apart, and Fit goes back to the events.
    const fitted = await timeline.distance('شفق نيوز', 'كردستان 24');
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => timeline.distance('شفق نيوز', 'كردستان 24')).toBeLessThan(fitted * 0.8);
    await page.getByRole('button', { name: 'Fit to the events' }).click();
    await expect.poll(() => timeline.distance('شفق نيوز', 'كردستان 24')).toBeCloseTo(fitted, 0);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => timeline.distance('شفق نيوز', 'كردستان 24')).toBeGreaterThan(fitted * 1.2);

    // Only what goes back to Reuters: the denial leaves the timeline.
    await timeline.filter('Source', 'رويترز');
    await expect.poll(() => timeline.listed().then((l) => l.length)).toBe(1);
    expect(await timeline.items()).not.toContain('Example Wire → Iraqi Ministry of Defence 2025-08-26');
    expect(await timeline.items()).toContain('شفق نيوز → خمسة مسؤولين أمريكيين (رويترز) 2025-08-24');
    await screenshot(page, 'timeline-02-filtered-en');
    await page.getByRole('button', { name: 'Show all events' }).click();
    await expect.poll(() => timeline.listed().then((l) => l.length)).toBe(2);

    // A click on one source's date opens its event, chosen, in the events screen.
    await timeline.click('كردستان 24');
    await page.getByRole('heading', { name: WITHDRAWAL }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Events' }).getAttribute('aria-current')).toBe('true');
    expect(await page.locator('.event-list li[aria-current="true"]').innerText()).toContain(WITHDRAWAL);
    // The event was shown before its claims were made: its cached detail shows until the fresh one arrives.
    await expect.poll(() => page.getByTestId('event-claim').count()).toBe(2);

    // The Arabic timeline runs right to left, its months in Arabic.
    await page.goBack();
    await timeline.list.waitFor();
    await app.switchLanguage();
    await expect.poll(() => timeline.rows()).toContain(`متنازع عليه ${WITHDRAWAL}`);
    expect(await timeline.drawing.locator('.vis-timeline.vis-rtl').count()).toBe(1);
    expect((await timeline.drawing.locator('.vis-time-axis').allInnerTexts()).join(' ')).toMatch(/أغسطس 2025/);
    // Earlier dates on the right: Shafaq's 24th stands right of Kurdistan 24's 26th.
    const shafaq = await timeline.drawing.locator('.vis-item', { hasText: 'شفق نيوز' }).boundingBox();
    const kurdistan = await timeline.drawing.locator('.vis-item', { hasText: 'كردستان 24' }).boundingBox();
    expect(shafaq!.x).toBeGreaterThan(kurdistan!.x);
    expect((await timeline.listed())[0]).toContain('متنازع عليه التواريخ المذكورة مختلفة');
    await screenshot(page, 'timeline-03-ar');
    // Three claims made through the interface, on a 2-core machine: more than the default minute.
  }, 150_000);
});
