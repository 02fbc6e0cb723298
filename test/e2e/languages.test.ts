import { describe, expect, it } from 'vitest';
import { axe, browserAvailable, formatViolations, type ViewportName, watchPageProblems } from '../support/browser.ts';
import { useE2E } from './e2e-context.ts';

const pages = {
  home: '',
  search: '/practices?q=housing&theme=housing',
  practice: '/practices/nyc-idnyc',
};

describe.skipIf(!browserAvailable())('the interface in Arabic and Chinese', () => {
  const e2e = useE2E();

  it('switching language on the search page keeps the query and the filters', async () => {
    const page = await e2e.newPage('desktop');
    await page.goto(e2e.url('/practices?q=housing&theme=housing'));
    const before = await page.locator('.card').count();
    await page.locator('.language-switcher a[hreflang="fr"]').click();
    await page.waitForURL(/\/fr\/practices\?q=housing&theme=housing$/);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('#q').inputValue()).toBe('housing');
    expect(await page.locator('input[name="theme"][value="housing"]').isChecked()).toBe(true);
    expect(await page.locator('.card').count()).toBe(before);
    // The choice is remembered: an address without a prefix now opens in French.
    await page.goto(e2e.url('/map'));
    expect(page.url()).toMatch(/\/fr\/map$/);
  });

  it('Arabic pages are right to left', async () => {
    const page = await e2e.newPage('phone');
    await page.goto(e2e.url('/ar/practices?q=housing'));
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The search box sits at the right edge in a right-to-left layout.
    const box = await page.locator('#q').boundingBox();
    const button = await page.locator('.search-form button').boundingBox();
    expect(box && button && box.x > button.x).toBe(true);
  });

  for (const locale of ['ar', 'zh']) {
    for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
      for (const [name, path] of Object.entries(pages)) {
        it(`${locale} ${name} at ${viewport} width has no axe violations`, async () => {
          const page = await e2e.newPage(viewport);
          const problems = watchPageProblems(page);
          const res = await page.goto(e2e.url(`/${locale}${path}`));
          expect(res?.status()).toBe(200);
          expect(await page.getAttribute('html', 'lang')).toBe(locale);
          expect(formatViolations(await axe(page))).toBe('');
          expect(problems).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
        });
      }
    }
  }
});
