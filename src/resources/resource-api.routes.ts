import { createRoute } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { apiPage } from '../http/api-page.ts';
import type { AppDeps } from '../http/app-env.ts';
import { notFound } from '../http/errors.ts';
import { apiRouter, jsonContent, noQuery, pageOf, problemResponses, z } from '../http/openapi.ts';
import { resourceQuery } from './resource.query.ts';
import { findResource, linksOfResource } from './resource.repo.ts';
import { apiResource, apiResourceDetail, linkTargetUrl, toApiResource } from './resource-api.present.ts';
import { searchResources } from './resource-search.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/resources',
  tags: ['Resources'],
  summary: 'Search the resource library',
  description:
    'Reports, toolkits, guidelines, videos, webinar recordings and datasets, searched like practices (best match first with `q`, else newest publication first) and filtered by type, theme, region, language and year.',
  request: { query: resourceQuery },
  responses: { 200: jsonContent(pageOf(apiResource, 'ResourceList'), 'A page of resources'), ...problemResponses(400) },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/api/v1/resources/{slug}',
  tags: ['Resources'],
  summary: 'One resource, with the practices, cities and organisations it documents',
  request: {
    params: z.object({
      slug: z
        .string()
        .max(200)
        .openapi({ param: { name: 'slug', in: 'path' }, example: 'migrants-and-cities' }),
    }),
    query: noQuery,
  },
  responses: { 200: jsonContent(apiResourceDetail, 'The resource'), ...problemResponses(400, 404) },
});

/**
 * The library in the JSON API: GET /api/v1/resources (the list page's search and filters) and
 * GET /api/v1/resources/{slug}; open to any origin.
 * @example app.route('/', resourceApiRoutes(deps));
 */
export function resourceApiRoutes({ db, config }: AppDeps) {
  const api = apiRouter();
  api.use('/api/v1/resources', cors({ origin: '*', allowMethods: ['GET'] }));
  api.use('/api/v1/resources/*', cors({ origin: '*', allowMethods: ['GET'] }));
  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    // The API answers in English terms: the query is read as English (and its own language, which its stop words show).
    const { items, total } = await searchResources(db, q, 'en');
    return c.json(
      apiPage(
        c.req.url,
        config.publicUrl,
        q,
        total,
        items.map((r) => toApiResource(r, config.publicUrl)),
      ),
      200,
    );
  });
  api.openapi(oneRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const r = await findResource(db, slug);
    if (!r) throw notFound(`no resource "${slug}"`);
    const links = await linksOfResource(db, r.id);
    return c.json({ ...toApiResource(r, config.publicUrl), links: links.map((l) => ({ ...l, url: linkTargetUrl(config.publicUrl, l) })) }, 200);
  });
  return api;
}
