import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { parseSearchParams } from './search.params.ts';
import { searchPractices } from './search.service.ts';
import { SearchPage } from './views/search-page.tsx';

/** GET /practices — the search page; the whole search lives in the URL. */
export function searchRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/practices', async (c) => {
    const { params, notes } = parseSearchParams(new URL(c.req.url).searchParams);
    const result = await searchPractices(db, params, { locale: c.get('i18n').locale });
    return renderPage(c, <SearchPage result={result} notes={notes} />);
  });
  return app;
}
