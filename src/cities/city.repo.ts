import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** A city row: figures with their source and year, and coordinates for the map. */
export interface CityRow {
  country: string;
  slug: string;
  name: string;
  population: number | null;
  population_year: number | null;
  foreign_born_share: number | null;
  foreign_born_year: number | null;
  source_url: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * Makes sure a city exists, keeping figures already recorded; fills coordinates when missing.
 * @example await ensureCity(trx, { country: 'IT', slug: 'turin', name: 'Turin', lat: 45.07, lon: 7.68 });
 */
export async function ensureCity(
  db: Database,
  city: { country: string; slug: string; name: string; lat: number | null; lon: number | null },
): Promise<void> {
  await db
    .insertInto('cities')
    .values(city)
    .onConflict((oc) =>
      oc.columns(['country', 'slug']).doUpdateSet({
        lat: sql`coalesce(cities.lat, excluded.lat)`,
        lon: sql`coalesce(cities.lon, excluded.lon)`,
      }),
    )
    .execute();
}

/** Records a city's figures (population, share born abroad, source), replacing earlier ones. */
export async function upsertCityFigures(db: Database, city: CityRow): Promise<void> {
  const { country, slug, ...rest } = city;
  await db
    .insertInto('cities')
    .values(city)
    .onConflict((oc) =>
      oc.columns(['country', 'slug']).doUpdateSet({
        population: rest.population,
        population_year: rest.population_year,
        foreign_born_share: rest.foreign_born_share,
        foreign_born_year: rest.foreign_born_year,
        source_url: rest.source_url,
        lat: sql`coalesce(excluded.lat, cities.lat)`,
        lon: sql`coalesce(excluded.lon, cities.lon)`,
      }),
    )
    .execute();
}

/** One city by country code and slug. */
export async function findCity(db: Database, country: string, slug: string): Promise<CityRow | undefined> {
  return db.selectFrom('cities').selectAll().where('country', '=', country).where('slug', '=', slug).executeTakeFirst();
}

/** Cities of a country that have published practices or figures, by name. */
export async function citiesOfCountry(db: Database, country: string): Promise<(CityRow & { practices: number })[]> {
  return db
    .selectFrom('cities as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('practices as p')
        .whereRef('p.country', '=', 'c.country')
        .whereRef('p.city_slug', '=', 'c.slug')
        .where('p.state', '=', 'published')
        .select(eb.fn.countAll<number>().as('n'))
        .as('practices'),
    )
    .where('c.country', '=', country)
    .orderBy('c.name')
    .execute() as Promise<(CityRow & { practices: number })[]>;
}
