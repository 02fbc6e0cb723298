import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { pageHtml, sendPage } from '../http/render.tsx';
import { catalogueVersion } from './catalogue-version.repo.ts';
import { parseSearchParams } from './search.params.ts';
import { searchPractices } from './search.service.ts';
import { SearchCache } from './search-cache.ts';
import { SearchPage } from './views/search-page.tsx';

/** Rendered search pages kept per app instance (about 50 KB each), as many as search answers, at most 500. */
const maxPages = 500;

/** GET /practices — the search page; the whole search lives in the URL. */
export function searchRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // A page is the same for every visitor who is not signed in: the popular searches are
  // rendered once per catalogue version, like the answers they show.
  const pages = new SearchCache<string>(Math.min(maxPages, config.SEARCH_CACHE_SIZE));
  app.get('/practices', async (c) => {
    const url = new URL(c.req.url);
    const locale = c.get('i18n').locale;
    const version = await catalogueVersion(db);
    const key = c.get('account') ? undefined : `${locale}|${url.pathname}${url.search}`;
    const cached = key && pages.get(key, version);
    if (cached) return sendPage(c, cached);
    const { params, notes } = parseSearchParams(url.searchParams);
    const result = await searchPractices(db, params, { locale, version, cacheSize: config.SEARCH_CACHE_SIZE });
    const html = pageHtml(c, <SearchPage result={result} notes={notes} />);
    if (key) pages.set(key, version, html);
    return sendPage(c, html);
  });
  return app;
}
