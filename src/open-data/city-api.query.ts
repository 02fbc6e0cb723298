import { z } from 'zod';
import { countryParam } from '../http/query-params.ts';
import { readStrictQuery } from '../http/strict-query.ts';

/** Most cities in one answer of GET /api/v1/cities. */
export const maxCityPageSize = 100;

const cityListQuery = z
  .object({
    country: countryParam().optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    page_size: z.coerce.number().int().min(1).max(maxCityPageSize).default(50),
  })
  .strict();

export type CityListQuery = z.infer<typeof cityListQuery>;

/**
 * Reads GET /api/v1/cities's parameters: `country`, `page` and `page_size` (1–100). An unknown
 * parameter or a malformed value is a 400 problem naming every one of them.
 * @example readCityListQuery(new URLSearchParams('country=de&page_size=10')) // { country: 'DE', page: 1, page_size: 10 }
 */
export function readCityListQuery(query: URLSearchParams): CityListQuery {
  return readStrictQuery(cityListQuery, query);
}
