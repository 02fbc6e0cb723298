import { describe, expect, it } from 'vitest';
import { axe, axeRules, browserAvailable, formatViolations, type ViewportName, watchPageProblems } from '../support/browser.ts';
import { useE2E } from './e2e-context.ts';

/** The pages a person meets first, with a record that has lineage and a translation. */
const pages = {
  home: '/',
  search: '/practices?q=housing',
  'search with a filter': '/practices?q=housing&theme=housing',
  practice: '/practices/nyc-idnyc',
  city: '/cities/de/berlin',
  map: '/map',
  organisations: '/organizations?region=150',
  organisation: '/organizations/c40-cities',
  events: '/events?when=past',
  event: '/events/inter-ethnic-city-un-roundtable-2009',
  'event in Arabic': '/ar/events/example-webinar-welcoming-newcomers',
  'organisations in Arabic': '/ar/organizations?type=academia',
  resources: '/resources?theme=housing',
  'resources in Arabic': '/ar/resources?q=cities',
  'not found': '/no-such-page',
};

describe.skipIf(!browserAvailable())('accessibility (axe-core, WCAG 2.x A and AA)', () => {
  const e2e = useE2E();

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    for (const [name, path] of Object.entries(pages)) {
      it(`${name} (${path}) at ${viewport} width has no violations and no browser errors`, async () => {
        const page = await e2e.newPage(viewport);
        const problems = watchPageProblems(page);
        const res = await page.goto(e2e.url(path));
        expect(res?.status()).toBe(name === 'not found' ? 404 : 200);
        expect(formatViolations(await axe(page))).toBe('');
        expect(problems, 'CSP refusals, script errors or failed requests').toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
      });
    }
  }

  // Best-practice rules outside the WCAG tags above that the site keeps: a heading may not take
  // another role (the search page's result count was an h2 with role="status").
  it('search pages give no element a role its tag may not have (aria-allowed-role)', async () => {
    const page = await e2e.newPage('desktop');
    for (const path of ['/practices?q=housing', '/ar/practices?q=housing&theme=housing', '/practices?q=zzqxnothing']) {
      await page.goto(e2e.url(path));
      expect(formatViolations(await axeRules(page, ['aria-allowed-role'])), path).toBe('');
    }
  });
});
