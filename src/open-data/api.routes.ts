import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { countedCity, listCountedCities } from '../cities/city.service.ts';
import { cityFigureSeries } from '../cities/figure-series.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { findPublishedRecord } from '../practices/export/export.repo.ts';
import { searchPractices } from '../search/search.service.ts';
import { toApiSearchResponse } from './api.present.ts';
import { apiDocsRoutes } from './api-docs.routes.tsx';
import { toApiCity, toApiFigureSeries } from './city-api.present.ts';
import { readCityListQuery } from './city-api.query.ts';
import { citiesCsv } from './city-csv.ts';
import { readOpenDataQuery } from './open-data.query.ts';
import { cityPageUrl } from './open-data.urls.ts';

/** More cities than any catalogue records (4,400 at 100k practices): the export's bound. */
const maxCitiesInExport = 1_000_000;

/**
 * The JSON API (GET /api/v1/practices, GET /api/v1/practices/{id}, GET /api/v1/cities, GET
 * /api/v1/cities/{country}/{slug}), the cities as CSV (GET /cities/export.csv) and the
 * documentation page (GET /api).
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

  app.get('/api/v1/cities', async (c) => {
    const query = readCityListQuery(new URL(c.req.url).searchParams);
    const offset = (query.page - 1) * query.page_size;
    const { cities, total } = await listCountedCities(db, { country: query.country, offset, limit: query.page_size });
    const next =
      offset + cities.length < total
        ? new URLSearchParams({ ...(query.country ? { country: query.country } : {}), page: String(query.page + 1), page_size: String(query.page_size) })
        : null;
    c.header('cache-control', 'public, max-age=60');
    return c.json({
      total,
      page: query.page,
      page_size: query.page_size,
      next: next && `${config.publicUrl}/api/v1/cities?${next}`,
      items: cities.map((city) => toApiCity(city, config.publicUrl)),
    });
  });

  // Every city (of a country) in one spreadsheet; the same parameters as the list, without paging.
  app.get('/cities/export.csv', async (c) => {
    const { country } = readCityListQuery(new URL(c.req.url).searchParams);
    const { cities } = await listCountedCities(db, { country, offset: 0, limit: maxCitiesInExport });
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="cities${country ? `-${country.toLowerCase()}` : ''}.csv"`);
    c.header('cache-control', 'public, max-age=60');
    return c.body(citiesCsv(cities, (city) => cityPageUrl(config.publicUrl, city.country, city.slug)));
  });

  app.get('/api/v1/cities/:country/:slug', async (c) => {
    const country = c.req.param('country').toUpperCase();
    const slug = c.req.param('slug').toLowerCase();
    const city = /^[A-Z]{2}$/.test(country) ? await countedCity(db, country, slug) : undefined;
    if (!city) throw notFound(`no city "${slug}" is recorded in "${country}"`);
    const series = await cityFigureSeries(db, country, slug);
    c.header('cache-control', 'public, max-age=60');
    return c.json({ ...toApiCity(city, config.publicUrl), figures_by_year: toApiFigureSeries(series) });
  });

  app.route('/', apiDocsRoutes(deps));
  return app;
}
