import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { useE2E } from './e2e-context.ts';

/** The rows of the map's plain table: city link text, where it leads, and the practice count. */
async function tableRows(page: Page) {
  return page.locator('main table tbody tr').evaluateAll((rows) =>
    rows.map((tr) => {
      const link = tr.querySelector('a');
      const numbers = [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim()).filter((t) => /^\d[\d,\u202f\u00a0]*$/.test(t));
      return {
        text: (tr.textContent ?? '').replace(/\s+/g, ' ').trim(),
        city: (link?.textContent ?? '').trim(),
        href: link?.getAttribute('href') ?? '',
        count: numbers.length ? Number(numbers[0].replace(/\D/g, '')) : Number.NaN,
      };
    }),
  );
}

describe.skipIf(!browserAvailable())('the world map', () => {
  const e2e = useE2E();

  it('lists every city with practices in a table, each linked to its practices', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/map'));
    expect(await page.locator('main table caption').count(), 'the table has a caption').toBe(1);
    const rows = await tableRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const row of rows) {
      expect(row.href, `a link in the row "${row.text}"`).not.toBe('');
      expect(row.count, `a practice count in the row "${row.text}"`).toBeGreaterThan(0);
    }
    const berlin = rows.find((r) => r.city.startsWith('Berlin'));
    expect(berlin, 'Berlin is listed').toBeDefined();
    expect(berlin?.count).toBe(2);

    const link = page.locator('main table').getByRole('link', { name: berlin?.city as string });
    await Promise.all([page.waitForURL((u) => u.pathname !== '/map'), link.first().click()]);
    expect(await page.locator('main').innerText()).toContain('Neighbourhood Mothers');
  });

  it('draws every city of the table as a linked marker on a server-side SVG map', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/map'));
    expect(await page.locator('main svg').count()).toBeGreaterThanOrEqual(1);
    const hrefs = (selector: string) => page.locator(selector).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const markerLinks = new Set(await hrefs('main svg a'));
    expect(markerLinks.size, 'markers link to the cities').toBeGreaterThan(0);
    const rows = await tableRows(page);
    const tableLinks = await page.locator('main table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '')),
    );
    const missing = rows.filter((_, i) => !tableLinks[i].some((h) => markerLinks.has(h))).map((r) => r.text);
    expect(missing, 'cities in the table without a marker on the map').toEqual([]);
  });

  it('applies the search filters to the map', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/map'));
    const all = await tableRows(page);
    await page.goto(e2e.url('/map?theme=housing'));
    const housing = await tableRows(page);
    expect(housing.length).toBeGreaterThan(0);
    expect(housing.length).toBeLessThan(all.length);
  });
});
