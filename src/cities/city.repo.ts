import { type Selectable, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CitiesTable } from '../db/schema.ts';

/** A city row: figures with their source and year, and coordinates for the map. */
export type CityRow = Selectable<CitiesTable>;

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

/** The cities recorded in a country (with practices or figures), by name. */
export async function citiesOfCountry(db: Database, country: string): Promise<CityRow[]> {
  return db.selectFrom('cities').selectAll().where('country', '=', country).orderBy('name').execute();
}

/** A city with the number of practices matching a search there. */
export interface CityCount {
  country: string;
  slug: string;
  name: string;
  lat: number | null;
  lon: number | null;
  practices: number;
}

/** A city's name and place on the map. */
export type CityPlace = Pick<CityRow, 'country' | 'slug' | 'name' | 'lat' | 'lon'>;

/** Every recorded city's name and coordinates (the city directory reads them once per site version). */
export async function allCityPlaces(db: Database): Promise<CityPlace[]> {
  return db.selectFrom('cities').select(['country', 'slug', 'name', 'lat', 'lon']).execute();
}

/** Where a page of the city list starts: after this city in (country, name, slug) order. */
export interface CityKey {
  country: string;
  name: string;
  slug: string;
}

/**
 * A page of the recorded cities by country and name, and how many there are in all.
 * @example const { rows, total } = await listCities(db, { country: 'DE', offset: 0, limit: 50 });
 */
export async function listCities(
  db: Database,
  options: { country?: string; offset: number; limit: number; after?: CityKey },
): Promise<{ rows: CityRow[]; total: number }> {
  const base = db.selectFrom('cities').$if(options.country !== undefined, (qb) => qb.where('country', '=', options.country as string));
  const { after } = options;
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      // Keyset paging: the cities after the last one read, so a city added meanwhile shifts nothing.
      .$if(after !== undefined, (qb) => qb.where(sql<boolean>`(country, name, slug) > (${after?.country}, ${after?.name}, ${after?.slug})`))
      .orderBy('country')
      .orderBy('name')
      .orderBy('slug')
      .offset(options.offset)
      .limit(options.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * The city's latest public self-assessment (the self-assessment area writes them; the city page
 * only links to the latest): when it was published and whether it is the demo's example, not
 * the city's own; undefined when it has none.
 */
export async function latestPublicAssessment(db: Database, country: string, slug: string): Promise<{ at: Date; example: boolean } | undefined> {
  const row = await db
    .selectFrom('city_assessments')
    .select(['published_at', 'example'])
    .where('country', '=', country)
    .where('slug', '=', slug)
    .where('state', '=', 'published')
    .where('visibility', '=', 'public')
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ? { at: row.published_at, example: row.example } : undefined;
}
