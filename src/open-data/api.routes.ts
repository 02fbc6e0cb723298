import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { findPublishedRecord } from '../practices/export/export.repo.ts';
import { searchPractices } from '../search/search.service.ts';
import { toApiSearchResponse } from './api.present.ts';
import { apiDocsRoutes } from './api-docs.routes.tsx';
import { readOpenDataQuery } from './open-data.query.ts';

/**
 * The JSON API (GET /api/v1/practices, GET /api/v1/practices/{id}) and its documentation page (GET /api).
 * @example const res = await app.request('/api/v1/practices?theme=housing');
 */
export function apiRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, config } = deps;
  const app = new Hono<AppEnv>();
  // Open data: any web page may call the API from the browser.
  app.use('/api/v1/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }));

  app.get('/api/v1/practices', async (c) => {
    const { params, notes, lang, langGiven } = readOpenDataQuery(c, { strict: true });
    const result = await searchPractices(db, params, { locale: lang, cacheSize: config.SEARCH_CACHE_SIZE });
    c.header('cache-control', 'public, max-age=60');
    return c.json(toApiSearchResponse(result, { publicUrl: config.publicUrl, lang, langGiven, notes }));
  });

  app.get('/api/v1/practices/:id', async (c) => {
    const id = c.req.param('id');
    const record = await findPublishedRecord(db, id);
    if (!record) throw notFound(`practice "${id}" does not exist`);
    c.header('cache-control', 'public, max-age=60');
    return c.json(record);
  });

  app.route('/', apiDocsRoutes(deps));
  return app;
}
