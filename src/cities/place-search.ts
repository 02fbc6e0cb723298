import { parseSearchParams, type SearchParams } from '../search/search.params.ts';

/** The `city` filter value of a city in search URLs. @example cityFilterValue('DE', 'duisburg') // 'de-duisburg' */
export const cityFilterValue = (country: string, slug: string) => `${country.toLowerCase()}-${slug}`;

/**
 * The search for everything in one place, built through the search page's own parser so
 * place pages, the map and the search page agree on what "in Duisburg" means.
 * @example placeSearchParams({ country: 'DE' }) // { country: ['DE'], theme: [], … }
 */
export function placeSearchParams(place: { country: string; slug?: string }): SearchParams {
  const query = new URLSearchParams(place.slug ? { city: cityFilterValue(place.country, place.slug) } : { country: place.country });
  return parseSearchParams(query).params;
}
