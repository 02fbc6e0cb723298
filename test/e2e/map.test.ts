import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeRules, browserAvailable, formatViolations } from '../support/browser.ts';
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

/** Each marker of the world map: its link, the centre of its circle, and its link's box, in CSS px. */
async function markerGeometry(page: Page) {
  return page.locator('svg.world-map a').evaluateAll((links) =>
    links.map((a, index) => {
      const circle = (a.querySelector('.marker') as SVGElement).getBoundingClientRect();
      const box = a.getBoundingClientRect();
      return {
        index,
        href: a.getAttribute('href') ?? '',
        x: circle.x + circle.width / 2,
        y: circle.y + circle.height / 2,
        width: box.width,
        height: box.height,
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
    const tableLinks = await page
      .locator('main table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '')));
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

  // WCAG 2.5.8: a target of at least 24 × 24 CSS px, or enough space around a smaller one. axe's
  // target-size rule skips links inside SVG, so the markers are measured here as a finger meets them.
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 900 },
  ]) {
    it(`gives every marker a tap target of 24 px or all the room its neighbours leave, at ${viewport.width} px`, async () => {
      const context = await e2e.browser().newContext({ viewport });
      const page = await context.newPage();
      await page.goto(e2e.url('/map'));
      expect(formatViolations(await axeRules(page, ['target-size']))).toBe('');
      await page.locator('svg.world-map').scrollIntoViewIfNeeded();
      const svg = (await page.locator('svg.world-map').boundingBox()) as { x: number; y: number; width: number; height: number };
      const markers = await markerGeometry(page);
      expect(markers.length).toBeGreaterThan(30);
      let roomy = 0;
      for (const m of markers) {
        const others = markers.filter((o) => o.index !== m.index && (o.x !== m.x || o.y !== m.y));
        const nearest = Math.min(...others.map((o) => Math.hypot(o.x - m.x, o.y - m.y)));
        if (nearest >= 24) {
          roomy++;
          expect(Math.min(m.width, m.height), `the target of ${m.href} (nearest marker ${nearest.toFixed(0)} px away)`).toBeGreaterThanOrEqual(24);
        }
        // A tap anywhere nearer to this marker than to any other, up to 22 px away, reaches it.
        const reach = Math.min(22, nearest / 2) - 2;
        const offsets =
          reach >= 1
            ? [
                [0, 0],
                [reach, 0],
                [-reach, 0],
                [0, reach],
                [0, -reach],
              ]
            : [[0, 0]];
        for (const [dx, dy] of offsets) {
          const [px, py] = [m.x + dx, m.y + dy];
          if (px < svg.x + 1 || py < svg.y + 1 || px > svg.x + svg.width - 1 || py > svg.y + svg.height - 1) continue;
          const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.getAttribute('href') ?? null, [px, py]);
          expect(hit, `a tap ${reach.toFixed(0)} px from ${m.href}`).toBe(m.href);
        }
      }
      // Where markers crowd (Europe on a phone) no layout gives each 24 px; the table below the
      // map lists the same cities with full-size links (the "equivalent" exception of 2.5.8).
      expect(roomy, 'markers with room around them').toBeGreaterThan(0);
      await context.close();
    });
  }
});
