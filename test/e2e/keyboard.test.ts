import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.ts';
import { useE2E } from './e2e-context.ts';

/** What has keyboard focus, and whether it shows a visible focus indicator. */
interface Focused {
  tag: string;
  id: string;
  classes: string;
  type: string;
  name: string;
  href: string;
  text: string;
  inMain: boolean;
  inCard: boolean;
  inFacets: boolean;
  indicator: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      classes: el.className && typeof el.className === 'string' ? el.className : '',
      type: el.getAttribute('type') ?? '',
      name: el.getAttribute('name') ?? '',
      href: el.getAttribute('href') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 300),
      inMain: !!el.closest('main'),
      inCard: !!el.closest('.card'),
      inFacets: !!el.closest('.facets'),
      indicator: outline || shadow,
    };
  });
}

const describeFocus = (f: Focused) =>
  `<${f.tag}${f.id ? `#${f.id}` : ''}${f.classes ? `.${f.classes.split(/\s+/).join('.')}` : ''}${f.name ? ` name=${f.name}` : ''}${f.href ? ` href=${f.href}` : ''}> ${f.text.slice(0, 60)}`;

/** Presses Tab until `match` holds, returning every element focused on the way. */
async function tabUntil(page: Page, match: (f: Focused) => boolean, limit = 250): Promise<Focused[]> {
  const path: Focused[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    path.push(f);
    if (match(f)) return path;
  }
  throw new Error(`Not reached in ${limit} Tabs. Focus went:\n${path.map(describeFocus).join('\n')}`);
}

const isSearchBox = (f: Focused) => f.inMain && f.tag === 'input' && f.type === 'search';
const isFacetBox = (f: Focused) => f.inFacets && f.tag === 'input' && f.type === 'checkbox';
const isResultLink = (f: Focused) => f.inCard && f.tag === 'a';

describe.skipIf(!browserAvailable())('the search page with the keyboard only', () => {
  const e2e = useE2E();

  it('starts at the skip link, which moves focus to the main content', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/practices?q=housing'));
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first.classes, `first Tab stop: ${describeFocus(first)}`).toContain('skip-link');
    expect(first.href).toBe('#main');
    expect(first.indicator, 'the skip link shows focus').toBe(true);
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen').toBe(true);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('reaches the search box, the facet checkboxes and the first result, each with a visible focus indicator', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/practices?q=housing'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // skip link → main

    const toSearch = await tabUntil(page, isSearchBox);
    expect(toSearch.length, `the search box comes first in main: ${toSearch.map(describeFocus).join(' → ')}`).toBeLessThanOrEqual(3);
    const path = [...toSearch, ...(await tabUntil(page, (f) => isFacetBox(f) || isResultLink(f)))];
    if (!isResultLink(path.at(-1) as Focused)) path.push(...(await tabUntil(page, isResultLink)));
    else path.push(...(await tabUntil(page, isFacetBox)));

    expect(path.some(isFacetBox), 'a facet checkbox is reachable').toBe(true);
    expect(path.some(isResultLink), 'the first result link is reachable').toBe(true);
    const invisible = path.filter((f) => !f.indicator);
    expect(invisible.map(describeFocus), 'elements that got focus without a visible indicator').toEqual([]);
  });

  it('applies a facet and opens a result without a mouse', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/practices?q=housing'));
    const facet = (await tabUntil(page, isFacetBox)).at(-1) as Focused;
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    const value = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);

    await tabUntil(page, (f) => f.tag === 'button' && /apply/i.test(f.text));
    await Promise.all([page.waitForURL((u) => u.searchParams.getAll(facet.name).includes(value)), page.keyboard.press('Enter')]);
    expect(await page.locator('.chips a').count()).toBeGreaterThan(0);

    const link = (await tabUntil(page, isResultLink)).at(-1) as Focused;
    await Promise.all([page.waitForURL(`**${link.href}`), page.keyboard.press('Enter')]);
    expect((await page.locator('h1').innerText()).trim()).toBe(link.text);
  });
});
