import { readStrictQuery } from '../http/strict-query.ts';
import { type CityListQuery, cityListQuery } from './city-api.schema.ts';

export type { CityListQuery } from './city-api.schema.ts';

/**
 * Reads the city list's parameters (`country`, `page`, `page_size`) outside the JSON API (the
 * CSV export): an unknown parameter or a malformed value is a 400 problem naming every one.
 * @example readCityListQuery(new URLSearchParams('country=de&page_size=10')) // { country: 'DE', page: 1, page_size: 10 }
 */
export function readCityListQuery(query: URLSearchParams): CityListQuery {
  return readStrictQuery(cityListQuery, query);
}
