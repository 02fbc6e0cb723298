import { type CityCount, cityNamesByFilter, countPracticesWithoutCity, practiceCountsByCity } from '../cities/city.repo.ts';
import type { Database } from '../db/database.ts';
import type { SearchParams } from '../search/search.params.ts';

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
 * Aggregates the practices matching a search by city, for the map and its table.
 * @example const data = await loadMapData(db, params, 'en');
 */
export async function loadMapData(db: Database, params: SearchParams, locale: string): Promise<MapData> {
  const [cities, unplaced, filterCityNames] = await Promise.all([
    practiceCountsByCity(db, params, locale),
    countPracticesWithoutCity(db, params, locale),
    cityNamesByFilter(db, params.city),
  ]);
  return {
    cities,
    placed: cities.reduce((sum, c) => sum + c.practices, 0),
    unplaced,
    countries: new Set(cities.map((c) => c.country)).size,
    filterCityNames,
  };
}
