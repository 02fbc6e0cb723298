import { cityFilterValue } from '../cities/place-search.ts';
import { type SearchParams, searchQueryString } from '../search/search.params.ts';

/** The map of a search. @example mapHref(params) // '/map?theme=housing' */
export function mapHref(params: SearchParams, change: Partial<SearchParams> = {}): string {
  const qs = searchQueryString({ ...params, sort: undefined, page: 1 }, { ...change, page: 1 });
  return qs ? `/map?${qs}` : '/map';
}

/** The search page of the same search. @example searchPageHref(params) // '/practices?theme=housing' */
export function searchPageHref(params: SearchParams, change: Partial<SearchParams> = {}): string {
  const qs = searchQueryString(params, { ...change, page: 1 });
  return qs ? `/practices?${qs}` : '/practices';
}

/** The search narrowed to one city, keeping the other filters. @example citySearchHref(params, 'DE', 'duisburg') */
export function citySearchHref(params: SearchParams, country: string, slug: string): string {
  return searchPageHref(params, { city: [cityFilterValue(country, slug)] });
}

/** A stand-in city value, unchanged by URL encoding, replaced by each city's own. */
const anyCity = 'city0to0replace';

/**
 * `citySearchHref` for many cities of one search: the query string is built once and each
 * city's value put in its place (the map links 200 cities twice).
 * @example const hrefOf = citySearchHrefs(params); hrefOf('DE', 'duisburg') // '/practices?city=de-duisburg'
 */
export function citySearchHrefs(params: SearchParams): (country: string, slug: string) => string {
  const [before, after] = searchPageHref(params, { city: [anyCity] }).split(new URLSearchParams({ city: anyCity }).toString());
  return (country, slug) => `${before}${new URLSearchParams({ city: cityFilterValue(country, slug) }).toString()}${after}`;
}
