import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { textStream } from '../open-data/stream-body.ts';
import { robotsTxt } from './robots.ts';
import {
  eventEntries,
  newestPracticeChange,
  organizationEntries,
  placeEntries,
  practiceCount,
  practicePage,
  resourceEntries,
  type SitemapEntry,
} from './sitemap.repo.ts';
import { practicesPerSitemap, sitemapIndexXml, urlsetChunks } from './sitemap-xml.ts';

/** The site's public pages that are not records: lists, maps, the framework, the open-data guide. */
const staticPaths = [
  '/',
  '/practices',
  '/map',
  '/search',
  '/organizations',
  '/people',
  '/events',
  '/groups',
  '/calls',
  '/resources',
  '/self-assessment',
  '/benchmark',
  '/api',
];

const xmlHeaders = { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' };

/**
 * /robots.txt, the sitemap index /sitemap.xml and its files under /sitemaps/: static pages,
 * practices (in files of at most 50,000 URLs), places, organisations, events and resources, each page in
 * the six languages with hreflang alternates.
 * @example const res = await app.request('/sitemap.xml');
 */
export function sitemapRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const publicUrl = config.publicUrl;

  app.get('/robots.txt', (c) => c.body(robotsTxt(publicUrl), 200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=86400' }));

  app.get('/sitemap.xml', async (c) => {
    const [count, newest] = await Promise.all([practiceCount(db), newestPracticeChange(db)]);
    const practiceFiles = Array.from({ length: Math.max(1, Math.ceil(count / practicesPerSitemap)) }, (_, i) => ({
      url: `${publicUrl}/sitemaps/practices-${i + 1}.xml`,
      lastmod: newest,
    }));
    const files = [
      { url: `${publicUrl}/sitemaps/pages.xml`, lastmod: newest },
      ...practiceFiles,
      ...['places', 'organizations', 'events', 'resources'].map((n) => ({ url: `${publicUrl}/sitemaps/${n}.xml` })),
    ];
    return c.body(sitemapIndexXml(files), 200, xmlHeaders);
  });

  app.get('/sitemaps/:file{[a-z0-9-]+\\.xml}', async (c) => {
    const file = c.req.param('file').replace(/\.xml$/, '');
    const page = /^practices-(\d+)$/.exec(file)?.[1];
    let entries: SitemapEntry[];
    if (page) {
      entries = await practicePage(db, Number(page), practicesPerSitemap);
      if (entries.length === 0 && page !== '1') throw notFound(`no sitemap "${file}"`);
    } else if (file === 'pages') {
      const newest = await newestPracticeChange(db);
      entries = staticPaths.map((path) => ({ path, lastmod: ['/', '/practices', '/map'].includes(path) ? newest : undefined }));
    } else if (file === 'places') entries = await placeEntries(db);
    else if (file === 'organizations') entries = await organizationEntries(db);
    else if (file === 'events') entries = await eventEntries(db);
    else if (file === 'resources') entries = await resourceEntries(db);
    else throw notFound(`no sitemap "${file}"`);
    return c.body(textStream(urlsetChunks(publicUrl, entries)), 200, xmlHeaders);
  });
  return app;
}
