import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { renderPage } from '../http/render.tsx';
import { readStrictQuery } from '../http/strict-query.ts';
import { storableString } from '../shared/storable-text.ts';
import { searchSite } from './site-search.service.ts';
import { SiteSearchPage } from './views/site-search-page.tsx';

const siteSearchQuery = z.object({ q: storableString().trim().max(200).default('') }).strict();

/** GET /search?q=…: one query across the site — practices, organisations, experts, events and groups. */
export function siteSearchRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/search', async (c) => {
    const { q } = readStrictQuery(siteSearchQuery, new URL(c.req.url).searchParams);
    const results = q ? await searchSite(db, q, c.get('i18n').locale, new Date()) : undefined;
    return renderPage(c, <SiteSearchPage q={q} results={results} />);
  });
  return app;
}
