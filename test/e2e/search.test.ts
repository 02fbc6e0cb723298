import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { resultTotal, useE2E } from './e2e-context.ts';

/** The theme checkboxes of the facet form, with their label text and announced count. */
async function themeOptions(page: Page) {
  return page.locator('.facets input[type="checkbox"][name="theme"]').evaluateAll((inputs) =>
    inputs.map((el) => {
      const input = el as HTMLInputElement;
      const label = (input.labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const count = Number(label.match(/\((\d+)\)\s*$/)?.[1] ?? Number.NaN);
      return { value: input.value, label, name: label.replace(/\s*\(\d+\)\s*$/, ''), count, checked: input.checked };
    }),
  );
}

describe.skipIf(!browserAvailable())('searching in the browser', () => {
  const e2e = useE2E();

  it('searches from the home page and shows highlighted results', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/'));
    const box = page.locator('main').getByRole('searchbox', { name: 'Search practices' });
    await box.fill('housing');
    await Promise.all([page.waitForURL(/\/practices\?(.*&)?q=housing/), box.press('Enter')]);

    expect(await resultTotal(page)).toBeGreaterThan(0);
    const cards = page.locator('main .card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().getByRole('link').first().getAttribute('href')).toMatch(/^\/practices\/[\w-]+$/);
    expect(await page.locator('main .card mark').count(), 'matched words are highlighted in the snippets').toBeGreaterThan(0);
    // The search box keeps the query, so the search can be refined.
    expect(await page.locator('main input[type="search"][name="q"]').first().inputValue()).toBe('housing');
  });

  it('narrows the results with a facet, shows it as a chip, and widens them again when the chip is removed', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/practices?q=housing'));
    const total = await resultTotal(page);

    const options = await themeOptions(page);
    expect(options.length, 'the theme facet lists checkboxes').toBeGreaterThan(0);
    const pick = options.find((o) => !o.checked && o.count > 0 && o.count < total);
    expect(pick, `a theme that narrows ${total} results: ${JSON.stringify(options)}`).toBeDefined();
    if (!pick) return;

    await page.locator(`.facets input[type="checkbox"][name="theme"][value="${pick.value}"]`).check();
    const apply = page.getByRole('button', { name: /apply/i }).first();
    await Promise.all([page.waitForURL((u) => u.searchParams.getAll('theme').includes(pick.value)), apply.click()]);

    expect(await resultTotal(page), 'the facet count predicted the result count').toBe(pick.count);
    expect(new URL(page.url()).searchParams.get('q')).toBe('housing');
    const chip = page.locator('.chips').getByRole('link').filter({ hasText: pick.name });
    expect(await chip.count(), `a removable chip for "${pick.name}"`).toBe(1);
    const tagLists = await page.locator('main .card .tags').allInnerTexts();
    expect(tagLists.length).toBeGreaterThan(0);
    expect(tagLists.length).toBeLessThanOrEqual(pick.count);
    for (const tags of tagLists) expect(tags).toContain(pick.name);
    expect((await themeOptions(page)).find((o) => o.value === pick.value)?.checked, 'the picked checkbox stays checked').toBe(true);

    await Promise.all([page.waitForURL((u) => !u.searchParams.getAll('theme').includes(pick.value)), chip.click()]);
    expect(await resultTotal(page)).toBe(total);
    expect(await page.locator('.chips').getByRole('link').filter({ hasText: pick.name }).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q'), 'removing a filter keeps the query').toBe('housing');
  });

  it('opens a practice from the results', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/practices?q=housing'));
    const link = page.locator('main .card').first().getByRole('link').first();
    const title = (await link.innerText()).trim();
    await Promise.all([page.waitForURL(/\/practices\/[\w-]+$/), link.click()]);
    expect((await page.locator('h1').innerText()).trim()).toBe(title);
    expect(await page.title()).toContain(title);
  });

  it('explains an empty result and what to try', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/practices?q=zzqxwv'));
    expect(await resultTotal(page)).toBe(0);
    expect(await page.locator('main').innerText()).toMatch(/spelling|fewer|other language/i);
  });

  it('explains itself: marks matched words, names words no practice mentions, and what each filter costs', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/practices?q=cycling+lessons+for+newcomers+zzqxwv'));
    expect(await resultTotal(page), 'a word nobody uses does not empty the search').toBeGreaterThan(0);
    expect((await page.getByTestId('unmatched').innerText()).trim()).toBe('No practice mentions: zzqxwv');
    const firstTitle = page.locator('main .card h2').first();
    expect(await firstTitle.locator('mark').count(), 'matched words are marked in the title').toBeGreaterThan(0);
    expect((await firstTitle.innerText()).toLowerCase()).toContain('cycling');

    // Cycling is taught in Europe only: with Africa chosen nothing is left, and the page says what removing the filter gives.
    await page.goto(e2e.url('/practices?q=cycling&region=002'));
    expect(await resultTotal(page)).toBe(0);
    const offer = page.getByTestId('without-filter').getByRole('link').first();
    expect(await offer.innerText()).toMatch(/^\d+ practices? if you remove Region: Africa$/);
    const promised = Number((await offer.innerText()).match(/^(\d+)/)?.[1]);
    await Promise.all([page.waitForURL((u) => !u.searchParams.has('region')), offer.click()]);
    expect(await resultTotal(page)).toBe(promised);
  });
});
