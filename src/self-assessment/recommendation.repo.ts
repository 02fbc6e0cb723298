import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { readCitiesVersion } from '../db/site-version.repo.ts';

/** How many practices each dimension gets. */
export const practicesPerDimension = 5;
/** A city scoring at least this on a dimension is one to learn from there. */
export const peerThreshold = 75;
/** Shares born abroad at most this many points apart count as close. */
export const closeShareWithin = 5;

/** A city as the ranking compares it. */
export interface CityContext {
  country: string;
  slug: string;
  name: string;
  population: number | null;
  foreignBornShare: number | null;
}

async function readCityContexts(db: Database): Promise<CityContext[]> {
  const rows = await db.selectFrom('cities').select(['country', 'slug', 'name', 'population', 'foreign_born_share']).execute();
  return rows.map((r) => ({ country: r.country, slug: r.slug, name: r.name, population: r.population, foreignBornShare: r.foreign_born_share }));
}

/** The contexts kept per database handle, with the cities' version they were read at. */
const kept = new WeakMap<Database, { version: number; rows: Promise<CityContext[]> }>();

/**
 * Every recorded city's name, population and share born abroad (a few thousand narrow rows),
 * read once per version of the cities (migration 0016: moved only by changes to their rows).
 * @example const cities = await cityContexts(db);
 */
export async function cityContexts(db: Database): Promise<CityContext[]> {
  const version = await readCitiesVersion(db);
  const entry = kept.get(db);
  if (entry?.version === version) return entry.rows;
  const rows = readCityContexts(db);
  kept.set(db, { version, rows });
  rows.catch(() => kept.delete(db));
  return rows;
}

/** The titles of some practices, in the reader's language where the record has a translation. */
export async function practiceTitles(db: Database, ids: string[], locale: string): Promise<Map<string, { title: string; lang: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<{ id: string; title: string; language: string; tr_title: string | null }>`
    SELECT id, title, language, record->'translations'->${locale}->>'title' AS tr_title FROM practices WHERE id IN (${sql.join(ids)})`.execute(db);
  return new Map(rows.map((r) => [r.id, r.tr_title ? { title: r.tr_title, lang: locale } : { title: r.title, lang: r.language }]));
}
