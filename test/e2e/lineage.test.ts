import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { adaptedFixture, addLineageFixture, useE2E } from './e2e-context.ts';

/** The practice page's lineage lists (what it adapts, what adapts it). */
const lineage = (page: Page) => page.locator('main .lineage');

describe.skipIf(!browserAvailable())('following an idea across cities', () => {
  const e2e = useE2E({ prepare: addLineageFixture });

  it('follows "adapted by" from the original to the adaptation, and "adapted from" back', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url(`/practices/${adaptedFixture.adaptedFromId}`));
    const toAdaptation = lineage(page).getByRole('link', { name: adaptedFixture.title });
    expect(await toAdaptation.count(), 'the original lists the practice that adapted it').toBe(1);

    await Promise.all([page.waitForURL(`**/practices/${adaptedFixture.id}`), toAdaptation.click()]);
    expect((await page.locator('h1').innerText()).trim()).toBe(adaptedFixture.title);
    expect(await lineage(page).innerText(), 'the adaptation says what changed').toContain(adaptedFixture.changes);

    const toOriginal = lineage(page).getByRole('link', { name: adaptedFixture.adaptedFromTitle });
    expect(await toOriginal.count(), 'the adaptation links to what it was adapted from').toBe(1);
    await Promise.all([page.waitForURL(`**/practices/${adaptedFixture.adaptedFromId}`), toOriginal.click()]);
    expect(await page.locator('h1').innerText()).toMatch(adaptedFixture.adaptedFromTitle);
  });

  it('shows an adaptation of a practice outside the collection without a broken link', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/practices/nyc-idnyc'));
    const text = await lineage(page).innerText();
    expect(text).toContain('Scaled from a city of about 130,000 to all five boroughs');
    expect(text).toMatch(/new-haven-elm-city-resident-card|New Haven/i);
    for (const href of await lineage(page)
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const res = await page.request.get(href);
      expect(res.status(), `lineage link ${href}`).toBe(200);
    }
  });
});
