import { cors } from 'hono/cors';
import { findAssessment } from '../assessments/assessment.repo.ts';
import { countedCity, listCountedCities } from '../cities/city.service.ts';
import { cityFigureSeries } from '../cities/figure-series.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { apiRouter, createRoute, encodeCursor, jsonContent, nextUrl, noQuery, type OpenAPIHono, problemResponses, readCursor, z } from '../http/openapi.ts';
import { exportLicense, orderedRecord } from '../practices/export/exchange-json.ts';
import { findPublishedPractice } from '../practices/practice.repo.ts';
import { effectiveSort } from '../search/search.params.ts';
import { searchPractices } from '../search/search.service.ts';
import { toApiSearchResponse } from './api.present.ts';
import { apiDocsRoutes } from './api-docs.routes.tsx';
import { toApiCity, toApiFigureSeries } from './city-api.present.ts';
import { readCityListQuery } from './city-api.query.ts';
import { cityDetailResponse, cityListQuery, cityListResponse, cityParams } from './city-api.schema.ts';
import { citiesCsv } from './city-csv.ts';
import { readOpenDataQuery } from './open-data.query.ts';
import { cityPageUrl, practicePageUrl } from './open-data.urls.ts';
import type { ApiDocument } from './openapi-document.ts';
import { toApiLineage } from './practice-api.present.ts';
import { practiceIdParams, practiceListQuery, practiceListResponse, practiceRecordResponse } from './practice-api.schema.ts';

/** More cities than any catalogue records (4,400 at 100k practices): the export's bound. */
const maxCitiesInExport = 1_000_000;

/** A practice list's cursor (newest or title order): see OrderKey. */
const orderKeySchema = z.union([
  z.tuple([z.literal('newest'), z.number(), z.number().nullable(), z.string().max(200)]),
  z.tuple([z.literal('title'), z.string().max(1000), z.string().max(200)]),
]);

/** A city list's cursor: the last city's country, name and slug. */
const cityCursor = z.tuple([z.string().regex(/^[A-Z]{2}$/), z.string().max(200), z.string().max(200)]);

const listPractices = createRoute({
  method: 'get',
  path: '/api/v1/practices',
  tags: ['Practices'],
  summary: 'Search the practices',
  description: 'The search of /search as JSON: the same filters, facets with counts, and the next page.',
  request: { query: practiceListQuery },
  responses: { 200: jsonContent(practiceListResponse, 'One page of matching practices'), ...problemResponses(400) },
});

const getPractice = createRoute({
  method: 'get',
  path: '/api/v1/practices/{id}',
  tags: ['Practices'],
  summary: 'One practice',
  description: 'The record in the exchange format, with its page, the editors’ assessment and its lineage.',
  request: { params: practiceIdParams, query: noQuery },
  responses: { 200: jsonContent(practiceRecordResponse, 'The practice'), ...problemResponses(400, 404) },
});

const listCities = createRoute({
  method: 'get',
  path: '/api/v1/cities',
  tags: ['Cities'],
  summary: 'The cities',
  request: { query: cityListQuery },
  responses: { 200: jsonContent(cityListResponse, 'One page of cities with their practice counts and figures'), ...problemResponses(400) },
});

const getCity = createRoute({
  method: 'get',
  path: '/api/v1/cities/{country}/{slug}',
  tags: ['Cities'],
  summary: 'One city',
  request: { params: cityParams, query: noQuery },
  responses: { 200: jsonContent(cityDetailResponse, 'The city with its yearly figures'), ...problemResponses(400, 404) },
});

/**
 * The JSON API of the catalogue (GET /api/v1/practices, GET /api/v1/practices/{id}, GET
 * /api/v1/cities, GET /api/v1/cities/{country}/{slug}), the cities as CSV (GET
 * /cities/export.csv) and the documentation page (GET /api).
 * @example const res = await app.request('/api/v1/practices?theme=housing');
 */
export function apiRoutes(deps: AppDeps, document: () => ApiDocument): OpenAPIHono<AppEnv> {
  const { db, config } = deps;
  const app = apiRouter();
  // Open data: any web page may call the API from the browser.
  app.use('/api/v1/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }));

  app.openapi(listPractices, async (c) => {
    const { params, notes, lang, langGiven } = readOpenDataQuery(c, { strict: true });
    const { page_size: pageSize, cursor } = c.req.valid('query');
    const after = readCursor(cursor, orderKeySchema);
    if (after && after[0] !== effectiveSort(params))
      throw badRequest('cursor belongs to another order: follow the `next` URL as given', [{ path: 'cursor', message: 'belongs to another order' }]);
    const result = await searchPractices(db, params, { locale: lang, cacheSize: config.SEARCH_CACHE_SIZE, pageSize, after });
    c.header('cache-control', 'public, max-age=60');
    return c.json(toApiSearchResponse(result, { publicUrl: config.publicUrl, lang, langGiven, notes }), 200);
  });

  app.openapi(getPractice, async (c) => {
    const { id } = c.req.valid('param');
    const [practice, assessment] = await Promise.all([findPublishedPractice(db, id), findAssessment(db, id)]);
    if (!practice) throw notFound(`practice "${id}" does not exist`);
    c.header('cache-control', 'public, max-age=60');
    return c.json(
      {
        ...orderedRecord(practice.record),
        url: practicePageUrl(config.publicUrl, id),
        effective_license: exportLicense,
        assessment: assessment
          ? { ratings: assessment.ratings, evidence_level: assessment.evidenceLevel, assessed_at: assessment.assessedAt.toISOString() }
          : null,
        lineage: toApiLineage(practice, config.publicUrl),
      },
      200,
    );
  });

  app.openapi(listCities, async (c) => {
    const query = c.req.valid('query');
    const after = readCursor(query.cursor, cityCursor);
    // A cursor starts after its city; a page number skips the pages before it.
    const offset = after ? 0 : (query.page - 1) * query.page_size;
    const { cities, total } = await listCountedCities(db, {
      country: query.country,
      offset,
      // One more than the page: whether there is a next one.
      limit: query.page_size + 1,
      after: after && { country: after[0], name: after[1], slug: after[2] },
    });
    const items = cities.slice(0, query.page_size);
    const last = items.at(-1);
    const more = cities.length > query.page_size;
    c.header('cache-control', 'public, max-age=60');
    return c.json(
      {
        total,
        page: query.page,
        page_size: query.page_size,
        next: more && last ? nextUrl(c.req.url, config.publicUrl, encodeCursor([last.country, last.name, last.slug])) : null,
        items: items.map((city) => toApiCity(city, config.publicUrl)),
      },
      200,
    );
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

  app.openapi(getCity, async (c) => {
    const { country, slug } = c.req.valid('param');
    const city = /^[A-Z]{2}$/.test(country) ? await countedCity(db, country, slug) : undefined;
    if (!city) throw notFound(`no city "${slug}" is recorded in "${country}"`);
    const series = await cityFigureSeries(db, country, slug);
    c.header('cache-control', 'public, max-age=60');
    return c.json({ ...toApiCity(city, config.publicUrl), figures_by_year: toApiFigureSeries(series) }, 200);
  });

  app.route('/', apiDocsRoutes(deps, document));
  return app;
}
