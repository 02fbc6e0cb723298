import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.ts';
import { createDemoDatabase, createTestApp, type Engine, testEngines } from './support/test-db.ts';

const publicUrl = 'https://clearinghouse.example.org';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe.each(testEngines())('sitemap and robots.txt on %s', (engine: Engine) => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: ReturnType<typeof createTestApp>;
  const get = async (path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return res;
  };

  beforeAll(async () => {
    ({ db, drop } = await createDemoDatabase(engine));
    app = createTestApp(db, { PUBLIC_URL: publicUrl });
  }, 120_000);
  afterAll(async () => drop());

  it('robots.txt opens the public pages, closes account, admin and review areas in every language, and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('Allow: /');
    for (const rule of [
      'Disallow: /account',
      'Disallow: /admin',
      'Disallow: /review',
      'Disallow: /fr/admin',
      'Disallow: /ar/account',
      'Disallow: /practices/*/edit',
    ])
      expect(lines).toContain(rule);
    expect(lines.some((l) => /^Disallow: \/(practices|cities|organizations|events|map)$/.test(l))).toBe(false);
    expect(lines).toContain(`Sitemap: ${publicUrl}/sitemap.xml`);
  });

  it('indexes sitemap files whose pages are listed in the six languages, with hreflang alternates and lastmod', async () => {
    const index = await (await get('/sitemap.xml')).text();
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = locs(index);
    expect(files).toEqual([
      `${publicUrl}/sitemaps/pages.xml`,
      `${publicUrl}/sitemaps/practices-1.xml`,
      `${publicUrl}/sitemaps/places.xml`,
      `${publicUrl}/sitemaps/organizations.xml`,
      `${publicUrl}/sitemaps/events.xml`,
      `${publicUrl}/sitemaps/resources.xml`,
    ]);

    const practices = await (await get('/sitemaps/practices-1.xml')).text();
    const count = Number(
      (
        await db
          .selectFrom('practices')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const urls = practices.split('<url>').slice(1);
    expect(urls).toHaveLength(count * 6);
    const french = urls.find((u) => u.includes(`<loc>${publicUrl}/fr/practices/athens-curing-the-limbo</loc>`)) as string;
    expect(french).toMatch(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/);
    for (const [lang, path] of [
      ['en', '/practices/athens-curing-the-limbo'],
      ['ar', '/ar/practices/athens-curing-the-limbo'],
      ['x-default', '/practices/athens-curing-the-limbo'],
    ])
      expect(french).toContain(`<xhtml:link rel="alternate" hreflang="${lang}" href="${publicUrl}${path}"/>`);

    // Every kind of page the sitemap names is a page the site serves.
    for (const file of ['pages', 'places', 'organizations', 'events', 'resources']) {
      const xml = await (await get(`/sitemaps/${file}.xml`)).text();
      const pages = locs(xml);
      expect(pages.length, file).toBeGreaterThan(5);
      for (const url of [pages[0], pages[pages.length - 1]]) await get(url.slice(publicUrl.length));
    }
    await get(locs(practices)[1].slice(publicUrl.length));
    expect((await app.request('/sitemaps/practices-9.xml')).status).toBe(404);
    expect((await app.request('/sitemaps/secrets.xml')).status).toBe(404);
  });
});
