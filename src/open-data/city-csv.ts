import { stringify } from 'csv-stringify/sync';
import type { CountedCity } from '../cities/city.service.ts';

/** Columns of the cities' CSV, in order. */
export const cityCsvColumns = [
  'country',
  'slug',
  'name',
  'lat',
  'lon',
  'practices',
  'population',
  'population_year',
  'foreign_born_share',
  'foreign_born_year',
  'source_url',
  'url',
] as const;

/**
 * The cities as a spreadsheet: UTF-8 with a byte-order mark, a header row, one row per city
 * with its figures, their years and source, and cells that start like a formula escaped (names
 * and sources come from imports).
 * @example const text = citiesCsv(cities, (c) => `${base}/cities/${c.country.toLowerCase()}/${c.slug}`);
 */
export function citiesCsv(cities: CountedCity[], urlOf: (city: CountedCity) => string): string {
  return stringify(
    cities.map((c) => ({
      country: c.country,
      slug: c.slug,
      name: c.name,
      lat: c.lat ?? undefined,
      lon: c.lon ?? undefined,
      practices: c.practices,
      population: c.population ?? undefined,
      population_year: c.population_year ?? undefined,
      foreign_born_share: c.foreign_born_share ?? undefined,
      foreign_born_year: c.foreign_born_year ?? undefined,
      source_url: c.source_url ?? undefined,
      url: urlOf(c),
    })),
    { bom: true, header: true, columns: [...cityCsvColumns], escape_formulas: true },
  );
}
