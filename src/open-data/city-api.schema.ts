import { cursorParam, pageParam, pageSizeParam, z } from '../http/openapi.ts';
import { countryParam } from '../http/query-params.ts';

/** GET /api/v1/cities's parameters: `country`, `page` and `page_size` (1–100). */
export const cityListQuery = z
  .object({
    country: countryParam()
      .optional()
      .openapi({ param: { name: 'country', in: 'query' }, description: 'ISO 3166-1 alpha-2 country code, in either case.', type: 'string', example: 'DE' }),
    page: pageParam,
    page_size: pageSizeParam,
    cursor: cursorParam,
  })
  .strict();

/** The path of one city: its country code and slug, in either case. */
export const cityParams = z.object({
  country: z
    .string()
    .transform((c) => c.toUpperCase())
    .openapi({ param: { name: 'country', in: 'path' }, type: 'string', example: 'DE' }),
  slug: z
    .string()
    .transform((s) => s.toLowerCase())
    .openapi({ param: { name: 'slug', in: 'path' }, type: 'string', example: 'berlin' }),
});

const figure = z.object({
  indicator: z.enum(['population-total', 'foreign-born-share']),
  value: z.number(),
  unit: z.enum(['count', '%']),
  year: z.number().int().nullable(),
  source_url: z.string().nullable(),
});

/** A city as the API gives it (city-api.present.ts's ApiCity). */
export const apiCity = z
  .object({
    country: z.string(),
    slug: z.string(),
    name: z.string(),
    url: z.string().url(),
    api_url: z.string().url(),
    location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    practices: z.number().int(),
    practices_url: z.string().url(),
    figures: z.array(figure),
  })
  .openapi('City');

/** The body of GET /api/v1/cities. */
export const cityListResponse = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    next: z.string().url().nullable(),
    items: z.array(apiCity),
  })
  .openapi('CityList');

const yearly = z.object({
  year: z.number().int(),
  value: z.number(),
  parts: z.array(z.looseObject({})).optional(),
  source: z.object({ name: z.string(), url: z.string().nullable() }),
  basis: z.string().nullable(),
  note: z.string().nullable(),
});

/** The body of GET /api/v1/cities/{country}/{slug}: the city and its yearly figures by indicator. */
export const cityDetailResponse = z
  .object({
    ...apiCity.shape,
    figures_by_year: z.array(
      z.object({
        indicator: z.string(),
        title: z.string(),
        unit: z.string(),
        unit_note: z.string().optional(),
        direction: z.string(),
        city: z.array(yearly.extend({ example: z.boolean() })),
        country: z.array(yearly),
      }),
    ),
  })
  .openapi('CityDetail');

export type CityListQuery = z.infer<typeof cityListQuery>;
