import { createRoute, jsonContent, localeParam, noQuery, pageQuery, problemResponses, z } from '../http/openapi.ts';

const counted = z.object({ code: z.string(), label: z.string(), practices: z.number().int() });

const vocabulary = (name: string) =>
  z
    .object({ lang: z.string(), total: z.number().int(), items: z.array(counted.describe('A code, its label and how many published practices carry it.')) })
    .openapi(name);

const langOnly = z.object({ lang: localeParam }).strict();

/** GET /api/v1/vocabularies/themes. */
export const themesRoute = createRoute({
  method: 'get',
  path: '/api/v1/vocabularies/themes',
  tags: ['Vocabularies'],
  summary: 'The themes, with counts of published practices',
  request: { query: langOnly },
  responses: { 200: jsonContent(vocabulary('ThemeVocabulary'), 'Every theme'), ...problemResponses(400) },
});

/** GET /api/v1/vocabularies/actor-types. */
export const actorTypesRoute = createRoute({
  method: 'get',
  path: '/api/v1/vocabularies/actor-types',
  tags: ['Vocabularies'],
  summary: 'The actor types, with counts of published practices',
  request: { query: langOnly },
  responses: { 200: jsonContent(vocabulary('ActorTypeVocabulary'), 'Every actor type'), ...problemResponses(400) },
});

const pageFields = {
  total: z.number().int(),
  page_size: z.number().int(),
  next: z.string().url().nullable().describe("The next page's URL (with a cursor), or null."),
};

/** GET /api/v1/vocabularies/target-groups: free tags, paged by cursor. */
export const targetGroupsRoute = createRoute({
  method: 'get',
  path: '/api/v1/vocabularies/target-groups',
  tags: ['Vocabularies'],
  summary: 'The target groups practices name, with counts',
  description: 'Target groups are free tags, as recorded (case kept), in code-point order.',
  request: { query: z.object(pageQuery).strict() },
  responses: {
    200: jsonContent(
      z.object({ ...pageFields, items: z.array(z.object({ tag: z.string(), practices: z.number().int() })) }).openapi('TargetGroupList'),
      'One page of tags',
    ),
    ...problemResponses(400),
  },
});

const country = z.object({
  code: z.string().describe('ISO 3166-1 alpha-2.'),
  name: z.string(),
  region: z.string().nullable().describe('UN M49 region code.'),
  practices: z.number().int(),
  cities: z.number().int(),
  url: z.string().url().describe('Its practices, as a search page.'),
  api_url: z.string().url(),
});

/** GET /api/v1/countries: every country with practices or cities, paged by cursor. */
export const countriesRoute = createRoute({
  method: 'get',
  path: '/api/v1/countries',
  tags: ['Countries'],
  summary: 'The countries, with counts',
  request: { query: z.object({ ...pageQuery, lang: localeParam }).strict() },
  responses: {
    200: jsonContent(z.object({ ...pageFields, items: z.array(country) }).openapi('CountryList'), 'One page of countries'),
    ...problemResponses(400),
  },
});

const countedValue = z.object({ value: z.string(), practices: z.number().int() });

const yearlyFigure = z.object({
  year: z.number().int(),
  value: z.number(),
  source: z.object({ name: z.string(), url: z.string().nullable() }),
  basis: z.string().nullable(),
  note: z.string().nullable(),
});

/** GET /api/v1/countries/{code}: one country with its counts and the figures recorded for it. */
export const countryRoute = createRoute({
  method: 'get',
  path: '/api/v1/countries/{code}',
  tags: ['Countries'],
  summary: 'One country',
  request: {
    params: z.object({ code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'DE' }) }),
    query: z.object({ lang: localeParam }).strict(),
  },
  responses: {
    200: jsonContent(
      z
        .object({
          ...country.shape,
          by_theme: z.array(countedValue),
          by_year: z.array(countedValue).describe('Practices by the year they started.'),
          figures: z.array(z.object({ indicator: z.string(), years: z.array(yearlyFigure) })).describe('National figures, where recorded.'),
        })
        .openapi('CountryDetail'),
      'The country',
    ),
    ...problemResponses(400, 404),
  },
});

/** GET /api/v1/statistics: the catalogue in numbers. */
export const statisticsRoute = createRoute({
  method: 'get',
  path: '/api/v1/statistics',
  tags: ['Statistics'],
  summary: 'Counts of published practices by theme, region and year',
  request: { query: noQuery },
  responses: {
    200: jsonContent(
      z
        .object({
          practices: z.number().int(),
          by_theme: z.array(countedValue),
          by_region: z.array(countedValue).describe('UN M49 region codes.'),
          by_year: z.array(countedValue).describe('By the year the practice started.'),
        })
        .openapi('Statistics'),
      'The counts',
    ),
    ...problemResponses(400),
  },
});
