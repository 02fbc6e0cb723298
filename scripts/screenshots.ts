/**
 * Full-page screenshots of the main pages at desktop and phone widths, for looking at the site
 * as a person would. Starts its own server on the demo data unless --url names a running one.
 *
 *   node --import tsx scripts/screenshots.ts [--url http://localhost:3000] [--out screenshots]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { browserAvailable, chromiumPath, launchBrowser } from '../test/support/browser.ts';
import { repoRoot, startServer } from '../test/support/server-process.ts';

/** Each page, with alternatives tried in order when one answers 404. */
const pages: Record<string, string[]> = {
  home: ['/'],
  search: ['/practices?q=housing&theme=housing'],
  'search-question': ['/practices?q=how+do+cities+support+refugees+looking+for+a+flat+zzqx'],
  'search-filtered-empty': ['/practices?q=cycling&region=002'],
  'search-arabic': ['/ar/practices?q=%D8%A7%D9%84%D9%84%D8%A7%D8%AC%D8%A6%D9%88%D9%86+%D8%A7%D9%84%D8%B3%D9%83%D9%86'],
  practice: ['/practices/nyc-idnyc'],
  // The longest action label (French), partners in another script than the page (Arabic), a place in Chinese.
  'practice-fr': ['/fr/practices/nyc-idnyc'],
  'practice-ar': ['/ar/practices/nyc-idnyc'],
  'practice-zh': ['/zh/practices/cardiff-policesol'],
  'search-zh': ['/zh/practices?q=housing'],
  city: ['/cities/de/berlin'],
  'city-zh': ['/zh/cities/gb/cardiff'],
  'city-ar': ['/ar/cities/de/berlin'],
  country: ['/countries/de', '/countries/DE'],
  map: ['/map'],
  'map-zh': ['/zh/map'],
  'self-assessment': ['/self-assessment'],
  assessment: ['/cities/de/berlin/assessment'],
  'assessment-ar': ['/ar/cities/de/berlin/assessment'],
  benchmark: ['/benchmark'],
  'self-assessment-ar': ['/ar/self-assessment'],
  organizations: ['/organizations'],
  'organizations-ar': ['/ar/organizations?region=150'],
  organization: ['/organizations/c40-cities'],
  events: ['/events?when=past'],
  event: ['/events/alliance-of-civilizations-forum-istanbul-2009'],
  'event-ar': ['/ar/events/example-webinar-welcoming-newcomers'],
  'organization-ar': ['/ar/organizations/international-metropolis'],
  groups: ['/groups'],
  group: ['/groups/housing'],
  'groups-ar': ['/ar/groups'],
  'group-ar': ['/ar/groups/undocumented-migrants'],
  // The demo has no public profiles (people opt in themselves): the list shows its empty state and how to join it.
  people: ['/people'],
  'people-ar': ['/ar/people'],
  resources: ['/resources'],
  'resources-ar': ['/ar/resources?q=integration'],
  resource: ['/resources/migrants-and-cities', '/resources'],
  api: ['/api'],
  'api-ar': ['/ar/api'],
};
// The phone is the narrowest common one (360 CSS px), where labels wrap first.
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 740 } };

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    out: { type: 'string', default: 'screenshots' },
    // Comma-separated page names, to look at a few pages again: --only practice-fr,map
    only: { type: 'string' },
  },
});
const only = values.only ? new Set(values.only.split(',')) : undefined;
if (!browserAvailable()) {
  process.stderr.write(`No Chromium at ${chromiumPath}: apt-get install chromium\n`);
  process.exit(1);
}
const outDir = path.resolve(repoRoot, values.out as string);
fs.mkdirSync(outDir, { recursive: true });

const server = values.url ? undefined : await startServer();
const base = (values.url ?? server?.url ?? '').replace(/\/$/, '');
const browser = await launchBrowser();
let failures = 0;
try {
  for (const [viewportName, size] of Object.entries(widths)) {
    const page = await browser.newPage(size);
    for (const [name, candidates] of Object.entries(pages)) {
      if (only && !only.has(name)) continue;
      let status = 0;
      let used = candidates[0];
      for (const candidate of candidates) {
        used = candidate;
        status = (await page.goto(`${base}${candidate}`))?.status() ?? 0;
        if (status !== 404) break;
      }
      const file = path.join(outDir, `${name}-${size.width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      if (status !== 200) failures++;
      process.stdout.write(
        `${status === 200 ? 'ok  ' : 'FAIL'} ${viewportName.padEnd(7)} ${String(status)} ${used.padEnd(38)} → ${path.relative(repoRoot, file)} (${height}px tall)\n`,
      );
    }
  }
} finally {
  await browser.close();
  await server?.stop();
}
process.exit(failures ? 1 : 0);
