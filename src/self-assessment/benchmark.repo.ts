import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AssessmentScore } from '../framework/scoring.ts';

/** A city's latest public snapshot with the city's figures: one row of the comparisons. */
export interface PublishedIndex {
  id: string;
  country: string;
  slug: string;
  name: string;
  population: number | null;
  foreignBornShare: number | null;
  publishedAt: Date;
  example: boolean;
  frameworkVersion: number;
  scores: AssessmentScore;
}

/** The version of the cities' assessments: moved by every statement that changes `city_assessments` (migration 0018). */
export async function readAssessmentsVersion(db: Database): Promise<number> {
  const row = await db.selectFrom('app_state').select(sql<string>`value #>> '{}'`.as('v')).where('key', '=', 'assessments_version').executeTakeFirst();
  return Number(row?.v ?? 0);
}

/**
 * Every city's latest PUBLIC snapshot of each framework version (private ones never; versions
 * are never compared, so each reader keeps one), either the cities' own or the demo's examples
 * (`examples`), with the scores kept when it was published.
 * @example const rows = await readLatestPublicIndexes(db, { examples: false });
 */
export async function readLatestPublicIndexes(db: Database, options: { examples: boolean }): Promise<PublishedIndex[]> {
  const rows = await sql<{
    id: string;
    country: string;
    slug: string;
    name: string;
    population: number | null;
    foreign_born_share: number | null;
    published_at: Date;
    example: boolean;
    framework_version: number;
    scores: AssessmentScore | string;
  }>`
    SELECT a.id, a.country, a.slug, c.name, c.population, c.foreign_born_share, a.published_at, a.example, a.framework_version, a.scores
      FROM (SELECT DISTINCT ON (country, slug, framework_version) id
              FROM city_assessments
             WHERE state = 'published' AND visibility = 'public' AND example = ${options.examples}
             ORDER BY country, slug, framework_version, published_at DESC, id DESC) s
      JOIN city_assessments a ON a.id = s.id
      JOIN cities c ON c.country = a.country AND c.slug = a.slug`.execute(db);
  // The latest snapshot of each city is picked on narrow rows, its scores fetched after, and the
  // rows put in order here: sorting the wide rows in the database took half the query's time.
  const byPlace = (a: { country: string; name: string; slug: string }, b: { country: string; name: string; slug: string }) =>
    a.country < b.country ? -1 : a.country > b.country ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  return rows.rows.sort(byPlace).map((r) => ({
    id: String(r.id),
    country: r.country,
    slug: r.slug,
    name: r.name,
    population: r.population,
    foreignBornShare: r.foreign_born_share,
    publishedAt: new Date(r.published_at),
    example: r.example,
    frameworkVersion: r.framework_version,
    scores: typeof r.scores === 'string' ? (JSON.parse(r.scores) as AssessmentScore) : r.scores,
  }));
}

/** The indexes kept per database handle, with the assessments version they were read at. */
const kept = new WeakMap<Database, { version: number; own?: Promise<PublishedIndex[]>; examples?: Promise<PublishedIndex[]> }>();

/**
 * Every city's latest public snapshot (see `readLatestPublicIndexes`), read once per version of
 * the assessments (one primary-key read a call): every comparison page until the next change to
 * a city's self-assessment shares one read, and a write anywhere else leaves it current.
 * @example const rows = await latestPublicIndexes(db, { examples: false });
 */
export async function latestPublicIndexes(db: Database, options: { examples: boolean }): Promise<PublishedIndex[]> {
  const version = await readAssessmentsVersion(db);
  let entry = kept.get(db);
  if (!entry || entry.version !== version) {
    entry = { version };
    kept.set(db, entry);
  }
  const which = options.examples ? 'examples' : 'own';
  const current = entry;
  current[which] ??= readLatestPublicIndexes(db, options).catch((e) => {
    current[which] = undefined;
    throw e;
  });
  return current[which];
}
