import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AssessmentScore } from '../framework/scoring.ts';
import { type CityContext, cityContexts } from './recommendation.repo.ts';

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

/** A city's latest public snapshot as read, before its city's name and figures are added. */
type SnapshotRow = Omit<PublishedIndex, 'name' | 'population' | 'foreignBornShare'>;

/**
 * Every city's latest PUBLIC snapshot of each framework version (private ones never; versions
 * are never compared, so each reader keeps one), either the cities' own or the demo's examples
 * (`examples`), with the scores kept when it was published. The latest of each city is picked on
 * an index of narrow rows and its scores fetched after; the cities' names and figures come from
 * their contexts, kept per cities version (joining them here doubled the read).
 * @example const rows = await readLatestPublicSnapshots(db, { examples: false });
 */
export async function readLatestPublicSnapshots(db: Database, options: { examples: boolean }): Promise<SnapshotRow[]> {
  const rows = await sql<{
    id: string;
    country: string;
    slug: string;
    published_at: Date;
    example: boolean;
    framework_version: number;
    scores: AssessmentScore | string;
  }>`
    SELECT a.id, a.country, a.slug, a.published_at, a.example, a.framework_version, a.scores
      FROM (SELECT DISTINCT ON (country, slug, framework_version) id
              FROM city_assessments
             WHERE state = 'published' AND visibility = 'public' AND example = ${options.examples}
             ORDER BY country, slug, framework_version, published_at DESC, id DESC) s
      JOIN city_assessments a ON a.id = s.id`.execute(db);
  return rows.rows.map((r) => ({
    id: String(r.id),
    country: r.country,
    slug: r.slug,
    publishedAt: new Date(r.published_at),
    example: r.example,
    frameworkVersion: r.framework_version,
    scores: typeof r.scores === 'string' ? (JSON.parse(r.scores) as AssessmentScore) : r.scores,
  }));
}

/** The snapshots with their cities' names and figures, in order of country and name. */
function withCities(rows: SnapshotRow[], contexts: CityContext[]): PublishedIndex[] {
  const byKey = new Map(contexts.map((c) => [`${c.country}/${c.slug}`, c]));
  const out: PublishedIndex[] = [];
  for (const r of rows) {
    const city = byKey.get(`${r.country}/${r.slug}`);
    if (city) out.push({ ...r, name: city.name, population: city.population, foreignBornShare: city.foreignBornShare });
  }
  const byPlace = (a: PublishedIndex, b: PublishedIndex) =>
    a.country < b.country ? -1 : a.country > b.country ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  return out.sort(byPlace);
}

/** The snapshots kept per database handle, with the assessments version they were read at. */
const kept = new WeakMap<Database, { version: number; own?: Promise<SnapshotRow[]>; examples?: Promise<SnapshotRow[]> }>();
/** The snapshots joined with the cities' contexts, per list of snapshots: joined again when the contexts are new. */
const joined = new WeakMap<SnapshotRow[], { contexts: CityContext[]; indexes: PublishedIndex[] }>();

/**
 * Every city's latest public snapshot (see `readLatestPublicSnapshots`) with its city's name and
 * figures, read once per version of the assessments (one primary-key read a call) and joined
 * once per version of the cities: every comparison page until the next change shares them.
 * @example const rows = await latestPublicIndexes(db, { examples: false });
 */
export async function latestPublicIndexes(db: Database, options: { examples: boolean }): Promise<PublishedIndex[]> {
  const [rows, contexts] = await Promise.all([latestSnapshots(db, options), cityContexts(db)]);
  const known = joined.get(rows);
  if (known?.contexts === contexts) return known.indexes;
  const indexes = withCities(rows, contexts);
  joined.set(rows, { contexts, indexes });
  return indexes;
}

async function latestSnapshots(db: Database, options: { examples: boolean }): Promise<SnapshotRow[]> {
  const version = await readAssessmentsVersion(db);
  let entry = kept.get(db);
  if (!entry || entry.version !== version) {
    entry = { version };
    kept.set(db, entry);
  }
  const which = options.examples ? 'examples' : 'own';
  const current = entry;
  current[which] ??= readLatestPublicSnapshots(db, options).catch((e) => {
    current[which] = undefined;
    throw e;
  });
  return current[which];
}
