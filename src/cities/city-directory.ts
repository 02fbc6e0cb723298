import type { Database } from '../db/database.ts';
import { readCitiesVersion } from '../db/site-version.repo.ts';
import { allCityPlaces, type CityPlace } from './city.repo.ts';

/** The directory read at a version of the cities, or being read. */
const held = new WeakMap<Database, { version: number; cities: Promise<Map<string, CityPlace>> }>();

/**
 * Every recorded city's name and coordinates by `<country>-<slug>` key (as the city filter
 * writes it), kept in memory until the cities' version changes (a statement that changes rows
 * of `cities` bumps it, migration 0016): the map looks up thousands of cities per view, which
 * a query per view made cost 11–28 ms at 100k practices.
 * @example const turin = (await cityDirectory(db)).get('it-turin');
 */
export async function cityDirectory(db: Database): Promise<Map<string, CityPlace>> {
  const version = await readCitiesVersion(db);
  const current = held.get(db);
  if (current && current.version === version) return current.cities;
  const cities = allCityPlaces(db).then((rows) => new Map(rows.map((r) => [`${r.country.toLowerCase()}-${r.slug}`, r])));
  held.set(db, { version, cities });
  // A failed read is not kept: the next view reads again.
  cities.catch(() => {
    if (held.get(db)?.cities === cities) held.delete(db);
  });
  return cities;
}
