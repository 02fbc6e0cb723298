import type { CityCount, CityPlace } from '../cities/city.repo.ts';
import { cityDirectory } from '../cities/city-directory.ts';
import type { Database } from '../db/database.ts';
import type { SearchParams } from '../search/search.params.ts';
import { countsByValue } from '../search/search.service.ts';

/** What the world map shows for a search: cities with counts, and practices that have no city. */
export interface MapData {
  /** The cities with the most practices (at most mapCityLimit), most first. */
  cities: CityCount[];
  /** Cities with matching practices, all of them. */
  cityCount: number;
  /** Matching practices placed in a city. */
  placed: number;
  /** Matching practices without a city (national or transnational), not on the map. */
  unplaced: number;
  countries: number;
  /** Names of the cities the search filters on, for its chips. */
  filterCityNames: Map<string, string>;
}

/**
 * Cities drawn and tabled at most: beyond a few hundred, markers cover each other, every one is
 * a stop for the keyboard, and the page grows by megabytes (4,391 cities at 100k practices made
 * 2.8 MB). The others are on their countries' pages and in the search's city filter.
 */
export const mapCityLimit = 200;

/** Most practices first, then by name and country. */
const byPracticesThenName = (a: CityCount, b: CityCount) =>
  b.practices - a.practices || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0);

/**
 * The practices matching a search counted by city (on the search snapshot), with the cities'
 * names and coordinates, for the map and its table: the `mapCityLimit` cities with the most
 * practices, most first, then by name; the totals over every city.
 * @example const data = await loadMapData(db, params, 'en');
 */
export async function loadMapData(db: Database, params: SearchParams, locale: string): Promise<MapData> {
  const [{ counts, none: unplaced }, directory] = await Promise.all([countsByValue(db, params, locale, 'city'), cityDirectory(db)]);
  // The names of the cities filtered on, for the filter's chips.
  const filterCityNames = new Map<string, string>();
  for (const v of params.city) {
    const city = directory.get(v);
    if (city) filterCityNames.set(v, city.name);
  }
  // Cities of the directory only (a practice's city may be unknown to it), with their counts.
  const known: [CityPlace, number][] = [];
  let placed = 0;
  const countries = new Set<string>();
  for (const [key, n] of counts) {
    const city = directory.get(key);
    if (!city) continue;
    known.push([city, n]);
    placed += n;
    countries.add(city.country);
  }
  // Only cities counting at least as many as the limit-th need their names compared.
  const floor =
    known.length > mapCityLimit
      ? Int32Array.from(known, ([, n]) => n)
          .sort()
          .reverse()[mapCityLimit - 1]
      : 0;
  const cities: CityCount[] = known.filter(([, n]) => n >= floor).map(([city, n]) => ({ ...city, practices: n }));
  cities.sort(byPracticesThenName);
  return { cities: cities.slice(0, mapCityLimit), cityCount: known.length, placed, unplaced, countries: countries.size, filterCityNames };
}
