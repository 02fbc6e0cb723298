import type { Page } from 'playwright-core';
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

  /** A page in a fresh context on the narrowest common phone (360 CSS px), where labels wrap first. */
  async function narrowPhonePage(): Promise<Page> {
    const context = await e2e.browser().newContext({ viewport: { width: 360, height: 740 }, reducedMotion: 'reduce' });
    return context.newPage();
  }

  it('a visit to a Chinese page is not a choice of Chinese: the plain /map stays in English', async () => {
    const page = await e2e.newPage('desktop');
    await page.goto(e2e.url('/zh/practices/nyc-idnyc'));
    expect(await page.getAttribute('html', 'lang')).toBe('zh');
    await page.goto(e2e.url('/map'));
    expect(new URL(page.url()).pathname).toBe('/map');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // Choosing Chinese in the switcher is remembered, and the address shows no trace of the choice.
    await page.locator('.language-switcher a[hreflang="zh"]').click();
    await page.waitForURL((u) => u.pathname === '/zh/map' && u.search === '');
    await page.goto(e2e.url('/practices'));
    expect(new URL(page.url()).pathname).toBe('/zh/practices');
  });

  it('buttons fit their labels on a 360 px phone in every language (the French "adapt" label is the longest)', async () => {
    const page = await narrowPhonePage();
    for (const locale of ['fr', 'ru', 'es', 'ar', 'zh', 'en']) {
      await page.goto(e2e.url(`/${locale}/practices/nyc-idnyc`));
      const adapt = page.locator('.practice-actions .button');
      expect(await adapt.count()).toBe(1);
      const overflowing = await page.locator('main .button, main button').evaluateAll((buttons) =>
        buttons
          .filter((b) => {
            const box = b.getBoundingClientRect();
            const room = (b.parentElement as HTMLElement).getBoundingClientRect();
            // A button broken over lines as an inline box (more than one rectangle) spills its background.
            const broken = b.getClientRects().length > 1;
            return box.width > 0 && (broken || b.scrollWidth > b.clientWidth || box.right > room.right + 0.5 || box.left < room.left - 0.5);
          })
          .map((b) => (b.textContent ?? '').trim()),
      );
      expect(overflowing, `${locale}: buttons whose label overflows`).toEqual([]);
    }
    await page.context().close();
  });

  it('long text keeps the sans-serif stack of the page in every script (no serif fallback)', async () => {
    const page = await e2e.newPage('desktop');
    for (const path of ['/practices/nyc-idnyc', '/ar/practices/nyc-idnyc', '/zh/practices/nyc-idnyc', '/ru/practices/nyc-idnyc']) {
      await page.goto(e2e.url(path));
      const fonts = await page.evaluate(() => {
        const body = getComputedStyle(document.body).fontFamily;
        const long = [...document.querySelectorAll('main .prose, main .prose p, main .lead, main .cite, main .card__snippet, main li, main dd')];
        return { body, serif: long.map((e) => getComputedStyle(e).fontFamily).filter((f) => f !== body) };
      });
      expect(fonts.body, path).toMatch(/sans-serif$/);
      expect(fonts.serif, `${path}: text in another font than the page's`).toEqual([]);
    }
  });

  it('Chinese places separate country and city, and name the city in Chinese where CLDR does', async () => {
    const page = await e2e.newPage('desktop');
    await page.goto(e2e.url('/zh/practices?q=housing'));
    const places = await page.locator('main .card .card__place').allInnerTexts();
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(place, 'country, a space, then the city').toMatch(/^\S+ \S/);
    expect(places).toContain('希腊 雅典');
    await page.goto(e2e.url('/zh/practices/cardiff-policesol'));
    expect((await page.locator('.facts dd').first().innerText()).trim()).toBe('英国 Cardiff');
  });

  it('in Arabic, partner names in English sit next to their bullets', async () => {
    const page = await e2e.newPage('desktop');
    await page.goto(e2e.url('/ar/practices/nyc-idnyc'));
    const gaps = await page.locator('.facts .fact-list li').evaluateAll((items) =>
      items.map((li) => {
        const text = (li.querySelector('bdi') as HTMLElement).getBoundingClientRect();
        const content = li.getBoundingClientRect();
        // Right to left: the bullet is at the right, and the text must start there too.
        return { name: li.textContent, gap: Math.round(content.right - text.right) };
      }),
    );
    expect(gaps.length).toBeGreaterThan(1);
    for (const { name, gap } of gaps) expect(gap, `${name}: space between bullet and text`).toBeLessThanOrEqual(1);
  });
});
