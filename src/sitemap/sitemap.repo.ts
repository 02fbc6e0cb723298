import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** A page of the site for the sitemap: its path (no language prefix) and when it last changed, if known. */
export interface SitemapEntry {
  path: string;
  lastmod?: Date;
}

/** How many published practices there are. */
export async function practiceCount(db: Database): Promise<number> {
  const row = await db
    .selectFrom('practices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** When the catalogue last changed (the newest practice's change), if it has practices. */
export async function newestPracticeChange(db: Database): Promise<Date | undefined> {
  const row = await db
    .selectFrom('practices')
    .select((eb) => eb.fn.max('updated_at').as('t'))
    .executeTakeFirst();
  return row?.t ? new Date(row.t as Date) : undefined;
}

/**
 * One page of practices in id order (`page` from 1), with their last change.
 * @example const entries = await practicePage(db, 1, 5000);
 */
export async function practicePage(db: Database, page: number, size: number): Promise<SitemapEntry[]> {
  const rows = await db
    .selectFrom('practices')
    .select(['id', 'updated_at'])
    .orderBy('id')
    .offset((page - 1) * size)
    .limit(size)
    .execute();
  return rows.map((r) => ({ path: `/practices/${encodeURIComponent(r.id)}`, lastmod: new Date(r.updated_at) }));
}

/** Every city page and the page of every country that has practices or recorded cities. */
export async function placeEntries(db: Database): Promise<SitemapEntry[]> {
  const cities = await db.selectFrom('cities').select(['country', 'slug']).orderBy('country').orderBy('slug').execute();
  const { rows: countries } = await sql<{ code: string }>`
    SELECT DISTINCT code FROM (SELECT country AS code FROM practices UNION SELECT country FROM cities) c ORDER BY code`.execute(db);
  return [
    ...countries.map((c) => ({ path: `/countries/${c.code.toLowerCase()}` })),
    ...cities.map((c) => ({ path: `/cities/${c.country.toLowerCase()}/${encodeURIComponent(c.slug)}` })),
  ];
}

/** Every organisation of the directory, with its last change. */
export async function organizationEntries(db: Database): Promise<SitemapEntry[]> {
  const rows = await db.selectFrom('organizations').select(['slug', 'updated_at']).orderBy('slug').execute();
  return rows.map((r) => ({ path: `/organizations/${encodeURIComponent(r.slug)}`, lastmod: new Date(r.updated_at) }));
}

/** Every event page (events record no time of change, so no lastmod). */
export async function eventEntries(db: Database): Promise<SitemapEntry[]> {
  const rows = await db.selectFrom('events').select('id').orderBy('id').execute();
  return rows.map((r) => ({ path: `/events/${encodeURIComponent(r.id)}` }));
}

/** Every resource of the library, with its last change. */
export async function resourceEntries(db: Database): Promise<SitemapEntry[]> {
  const rows = await db.selectFrom('resources').select(['slug', 'updated_at']).orderBy('slug').execute();
  return rows.map((r) => ({ path: `/resources/${encodeURIComponent(r.slug)}`, lastmod: new Date(r.updated_at) }));
}
