import type { Database } from '../db/database.ts';

/** A city a person represents. */
export interface RepresentedCity {
  country: string;
  slug: string;
  name: string;
}

/** A representative of a city. */
export interface CityRepresentative {
  userId: number;
  name: string;
  email: string;
  grantedAt: Date;
}

/** Makes a person a representative of a city; true when they were not one already. */
export async function insertRepresentative(db: Database, userId: number, city: { country: string; slug: string }, grantedBy: number | null): Promise<boolean> {
  const rows = await db
    .insertInto('city_representatives')
    .values({ user_id: userId, country: city.country, slug: city.slug, granted_by: grantedBy })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

/** Ends a person's representation of a city; true when they were one. */
export async function deleteRepresentative(db: Database, userId: number, city: { country: string; slug: string }): Promise<boolean> {
  const rows = await db
    .deleteFrom('city_representatives')
    .where('user_id', '=', userId)
    .where('country', '=', city.country)
    .where('slug', '=', city.slug)
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

/** Whether a person represents a city. */
export async function isRepresentative(db: Database, userId: number, country: string, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('city_representatives')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('country', '=', country)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

/** The representatives of a city, by name. */
export async function representativesOf(db: Database, country: string, slug: string): Promise<CityRepresentative[]> {
  const rows = await db
    .selectFrom('city_representatives')
    .innerJoin('users', 'users.id', 'city_representatives.user_id')
    .select(['users.id as userId', 'users.name', 'users.email', 'city_representatives.granted_at as grantedAt'])
    .where('city_representatives.country', '=', country)
    .where('city_representatives.slug', '=', slug)
    .orderBy('users.name')
    .execute();
  return rows.map((r) => ({ ...r, userId: Number(r.userId) }));
}

/** The cities each of some people represents, by country and name. */
export async function citiesRepresentedBy(db: Database, userIds: number[]): Promise<Map<number, RepresentedCity[]>> {
  const out = new Map<number, RepresentedCity[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('city_representatives')
    .innerJoin('cities', (j) => j.onRef('cities.country', '=', 'city_representatives.country').onRef('cities.slug', '=', 'city_representatives.slug'))
    .select(['city_representatives.user_id as userId', 'cities.country', 'cities.slug', 'cities.name'])
    .where('city_representatives.user_id', 'in', userIds)
    .orderBy('cities.country')
    .orderBy('cities.name')
    .execute();
  for (const r of rows) {
    const id = Number(r.userId);
    out.set(id, [...(out.get(id) ?? []), { country: r.country, slug: r.slug, name: r.name }]);
  }
  return out;
}
