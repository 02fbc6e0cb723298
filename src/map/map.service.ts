import { type CityCount, citiesByKeys, cityNamesByFilter } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import type { SearchParams } from '../search/search.params.ts';
import { countsByValue } from '../search/search.service.ts';

/** What the world map shows for a search: cities with counts, and practices that have no city. */
export interface MapData {
  cities: CityCount[];
  /** Matching practices placed in a city. */
  placed: number;
  /** Matching practices without a city (national or transnational), not on the map. */
  unplaced: number;
  countries: number;
  /** Names of the cities the search filters on, for its chips. */
  filterCityNames: Map<string, string>;
}

/**
 * The practices matching a search counted by city (on the search snapshot), with the cities'
 * names and coordinates, for the map and its table: most practices first, then by name.
 * @example const data = await loadMapData(db, params, 'en');
 */
export async function loadMapData(db: Database, params: SearchParams, locale: string): Promise<MapData> {
  const [{ counts, none: unplaced }, filterCityNames] = await Promise.all([countsByValue(db, params, locale, 'city'), cityNamesByFilter(db, params.city)]);
  const known = await citiesByKeys(db, [...counts.keys()]);
  const cities: CityCount[] = [...known].map(([key, c]) => ({ ...c, practices: counts.get(key) ?? 0 }));
  cities.sort(
    (a, b) => b.practices - a.practices || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0),
  );
  return {
    cities,
    placed: cities.reduce((sum, c) => sum + c.practices, 0),
    unplaced,
    countries: new Set(cities.map((c) => c.country)).size,
    filterCityNames,
  };
}
