import { countryFrame, type MapFrame } from '../geo/world-map.ts';
import type { CityRow } from './city.repo.ts';

/** A country's cities that go on its map: placed, with practices. */
export function mappedCities<C extends Pick<CityRow, 'lat' | 'lon'> & { practices: number }>(cities: C[]): C[] {
  return cities.filter((c) => c.lat !== null && c.lon !== null && c.practices > 0);
}

/**
 * The frame of a country's map around its mainland and its cities with practices (drawn once
 * per set of cities and kept, see world-map.ts).
 * @example const frame = countryMapFrame('DE', mappedCities(page.cities));
 */
export function countryMapFrame(code: string, mapped: Pick<CityRow, 'lat' | 'lon'>[]): MapFrame | undefined {
  return countryFrame(
    code,
    mapped.map((c) => [c.lon as number, c.lat as number]),
  );
}
